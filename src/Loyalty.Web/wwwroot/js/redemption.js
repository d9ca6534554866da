// The counter's prizes form: the running total of points as quantities are typed. Only a hint for the cashier —
// the server recomputes the total from the prizes' points and checks every rule again.
(function () {
    'use strict';
    var form = document.querySelector('[data-prizes-form]');
    if (!form) { return; }
    var total = form.querySelector('[data-prizes-total]');
    var format = new Intl.NumberFormat('pt-BR');
    var update = function () {
        var sum = 0;
        form.querySelectorAll('[data-points]').forEach(function (input) {
            var quantity = parseInt(input.value, 10);
            if (quantity > 0) { sum += quantity * parseInt(input.getAttribute('data-points'), 10); }
        });
        total.textContent = format.format(sum);
    };
    form.addEventListener('input', update);
    update();
})();
