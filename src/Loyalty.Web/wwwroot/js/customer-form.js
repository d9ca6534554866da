// Customer registration: input masks (imask) and the PF/PJ switch, wired by data attributes (strict CSP, no inline
// script). The server accepts every value with or without punctuation, so the form still works without this file.
(function () {
    'use strict';
    var form = document.querySelector('form[data-customer-form]');
    if (!form) {
        return;
    }

    var masks = {
        cpf: { mask: '000.000.000-00' },
        // Alphanumeric CNPJ (in force since July 2026): letters or digits in the first 12 places, upper-cased as typed.
        cnpj: {
            mask: '##.###.###/####-00',
            definitions: { '#': /[0-9A-Z]/ },
            prepareChar: function (text) { return text.toUpperCase(); }
        },
        cep: { mask: '00000-000' },
        phone: { mask: [{ mask: '(00) 0000-0000' }, { mask: '(00) 00000-0000' }] },
        card: { mask: /^\d{0,19}$/ }
    };
    var hasIMask = typeof window.IMask === 'function';
    // The mask of each masked input: a value put in by a script goes through it, so the mask keeps track.
    var maskOf = new WeakMap();

    // <form-row data-mask="…"> puts the attribute on the row; the input is inside it.
    function inputOf(element) {
        return element.matches('input') ? element : element.querySelector('input');
    }

    function personType() {
        var chosen = form.querySelector('input[name="PersonType"]:checked')
            || form.querySelector('input[name="PersonType"][type="hidden"]');
        return chosen ? chosen.value : 'PF';
    }

    // Other masks: CEP, phone, card number.
    form.querySelectorAll('[data-mask]:not([data-mask="document"])').forEach(function (element) {
        var input = inputOf(element);
        var options = masks[element.getAttribute('data-mask')];
        if (input && options) {
            input.setAttribute('inputmode', 'numeric');
            if (hasIMask) {
                maskOf.set(input, window.IMask(input, options));
            }
        }
    });

    // CPF/CNPJ: the person type switch changes the label, the mask and the PF-only fields (birth date, mother's name).
    var documentInput = form.querySelector('input[data-mask="document"]');
    var documentMask = null;
    function applyPersonType() {
        var pj = personType() === 'PJ';
        // The label's text only: the required mark beside it stays.
        var label = form.querySelector('label[for="' + documentInput.id + '"] [data-label-pf]');
        if (label) {
            label.textContent = label.getAttribute(pj ? 'data-label-pj' : 'data-label-pf');
        }
        documentInput.setAttribute('inputmode', pj ? 'text' : 'numeric');
        form.querySelectorAll('[data-pf-only]').forEach(function (section) {
            section.classList.toggle('d-none', pj);
        });
        if (hasIMask) {
            if (documentMask) {
                documentMask.destroy();
                // Drop the old punctuation so the new mask places its own.
                documentInput.value = documentInput.value.replace(/[^0-9A-Za-z]/g, '');
            }
            documentMask = window.IMask(documentInput, pj ? masks.cnpj : masks.cpf);
        }
    }
    if (documentInput) {
        applyPersonType();
        form.querySelectorAll('input[name="PersonType"][type="radio"]').forEach(function (radio) {
            radio.addEventListener('change', applyPersonType);
        });
    }

    // Enter in the titular search box searches instead of moving to the next screen.
    form.querySelectorAll('[data-enter-clicks]').forEach(function (input) {
        input.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                var button = document.getElementById(input.getAttribute('data-enter-clicks'));
                if (button) {
                    button.click();
                }
            }
        });
    });

    // "Copiar endereço e telefone do titular": the values the server put on the button go into the fields of the same
    // names, which stay editable; no other field is touched. A status line says it was done (read by screen readers).
    form.querySelectorAll('[data-copy-titular-contact]').forEach(function (button) {
        var values = JSON.parse(button.getAttribute('data-copy-titular-contact'));
        var status = button.parentElement.querySelector('[data-copy-status]');
        button.hidden = false;
        button.addEventListener('click', function () {
            Object.keys(values).forEach(function (name) {
                var field = form.querySelector('input[name="' + name + '"]:not([type="hidden"]), select[name="' + name + '"]');
                if (!field) {
                    return;
                }
                var mask = maskOf.get(field);
                if (mask) {
                    mask.value = values[name];
                } else {
                    field.value = values[name];
                }
                field.dispatchEvent(new Event('change', { bubbles: true }));
            });
            if (status) {
                status.textContent = button.getAttribute('data-copied-message');
            }
        });
    });

    // After a failed step, the cursor goes to the first field with a message rather than the first field of the screen.
    var invalid = form.querySelector('.is-invalid');
    if (invalid) {
        invalid.focus();
    }
})();
