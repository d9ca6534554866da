// The counter's prizes form: the running total of points as quantities are typed. Only a hint for the cashier —
// the server recomputes the total from the prizes' points and checks every rule again.
(function () {
    'use strict';
    var form = document.querySelector('[data-prizes-form]');
    if (!form) { return; }
    var total = form.querySelector('[data-prizes-total]');
    var format = new Intl.NumberFormat(document.documentElement.lang || 'pt-BR');
    // Whole quantities only, as the server reads them; anything else ("2,5", "dois") counts for nothing here and gets
    // its message from the server.
    var quantity = function (text) {
        var plain = (text || '').replace(/\s/g, '');
        return /^\d+$/.test(plain) ? parseInt(plain, 10) : 0;
    };
    var update = function () {
        var sum = 0;
        form.querySelectorAll('[data-points]').forEach(function (input) {
            sum += quantity(input.value) * parseInt(input.getAttribute('data-points'), 10);
        });
        total.textContent = format.format(sum);
    };
    form.addEventListener('input', update);
    update();
})();
