// "Lançar compra": totals computed as they are typed, item lines added in place, Enter moves to the next item.
// Only help for the cashier: without this script the form posts back and the server computes what was left empty;
// with it the server still checks every rule. Numbers are read as LocalNumber.cs reads them (pt-BR "1.234,56").
(function () {
    'use strict';
    var form = document.querySelector('[data-purchase-form]');
    if (!form) { return; }
    var lang = document.documentElement.lang || 'pt-BR';
    var parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    var point = parts.filter(function (p) { return p.type === 'decimal'; })[0].value;
    var group = (parts.filter(function (p) { return p.type === 'group'; })[0] || { value: '' }).value;

    // Exact arithmetic: a number is a BigInt of thousandths (three decimals, the most any field takes).
    var grouped = function (digits) {
        var g = digits.split(group);
        return g.length > 1 && g[0].length >= 1 && g[0].length <= 3 && g.slice(1).every(function (x) { return x.length === 3; });
    };
    var parse = function (text) {
        var plain = (text || '').replace('R$', '').replace(/\s/g, '');
        if (!plain) { return null; }
        var whole, fraction = '';
        var at = plain.indexOf(point);
        if (at >= 0) {
            whole = plain.slice(0, at); fraction = plain.slice(at + 1);
        } else if (grouped(plain)) {
            whole = plain;
        } else if (group && plain.split(group).length === 2) {
            whole = plain.split(group)[0]; fraction = plain.split(group)[1]; // the keypad's other decimal point
        } else {
            whole = plain;
        }
        if (group && whole.indexOf(group) >= 0) {
            if (!grouped(whole)) { return null; }
            whole = whole.split(group).join('');
        }
        if (!/^\d*$/.test(whole) || !/^\d{0,3}$/.test(fraction) || (whole + fraction) === '') { return null; }
        return BigInt(whole || '0') * 1000n + BigInt((fraction + '000').slice(0, 3));
    };
    // Thousandths to cents, half away from zero (as the server rounds an item's total).
    var cents = function (thousandths) { return (thousandths + 5n) / 10n * 10n; };
    var format = function (thousandths) {
        var c = cents(thousandths) / 10n;
        var whole = (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
        return whole + point + (c % 100n).toString().padStart(2, '0');
    };
    var money = function (thousandths) {
        var c = cents(thousandths) / 10n;
        return 'R$ ' + (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ',' + (c % 100n).toString().padStart(2, '0');
    };
    var field = function (line, name) { return line.querySelector('input[name$=".' + name + '"]'); };
    var itemLines = function () { return Array.prototype.slice.call(form.querySelectorAll('[data-item-line]')); };
    var paymentLines = function () { return Array.prototype.slice.call(form.querySelectorAll('[data-payment-line]')); };
    var total = form.querySelector('input[name="Command.TotalAmount"]');
    var left = form.querySelector('[data-payments-left]');

    // A computed field follows its inputs until the cashier types in it; emptied, it follows them again.
    var auto = function (input) { return input && input.dataset.typed !== 'true'; };
    form.addEventListener('input', function (event) {
        var input = event.target;
        if (input.matches('input[name$=".TotalPrice"], input[name="Command.TotalAmount"], input[name$=".Amount"]')) {
            input.dataset.typed = input.value.trim() === '' ? 'false' : 'true';
        }
        update();
    });

    var itemTotal = function (line) {
        var quantity = parse(field(line, 'Quantity').value);
        var price = parse(field(line, 'UnitPrice').value);
        return quantity === null || price === null ? null : quantity * price / 1000n;
    };
    var update = function () {
        var sum = 0n, complete = true;
        itemLines().forEach(function (line) {
            var input = field(line, 'TotalPrice');
            var computed = itemTotal(line);
            if (auto(input)) { input.value = computed === null ? '' : format(computed); }
            var value = parse(input.value);
            if (value === null) { complete = false; } else { sum += cents(value); }
        });
        if (total && auto(total)) { total.value = complete && itemLines().length > 0 ? format(sum) : ''; }
        var purchase = total ? parse(total.value) : null;
        var lines = paymentLines();
        var paid = 0n;
        lines.forEach(function (line, i) {
            var amount = field(line, 'Amount');
            if (i === lines.length - 1 && auto(amount) && purchase !== null) {
                amount.value = purchase - paid > 0n ? format(purchase - paid) : '';
            }
            paid += parse(amount.value) || 0n;
        });
        var difference = purchase === null ? 0n : cents(purchase) - cents(paid);
        left.textContent = difference > 0n ? form.dataset.missing.replace('{0}', money(difference))
            : difference < 0n ? form.dataset.exceeding.replace('{0}', money(-difference)) : '';
    };

    // Fields that hold what would be computed anyway stay computed; others were typed (the server kept them).
    itemLines().forEach(function (line) {
        var input = field(line, 'TotalPrice');
        var computed = itemTotal(line);
        input.dataset.typed = String(input.value.trim() !== '' && (computed === null || parse(input.value) !== cents(computed)));
    });
    [total].concat(paymentLines().map(function (line) { return field(line, 'Amount'); })).forEach(function (input) {
        if (input) { input.dataset.typed = String(input.value.trim() !== ''); }
    });

    // A new item line: a copy of the last one, renumbered and empty, with the focus on its product code.
    var addItem = function () {
        var lines = itemLines();
        var last = lines[lines.length - 1];
        var index = lines.length;
        var line = last.cloneNode(true);
        var renumber = function (value) {
            return value.replace(/Items\[\d+\]/g, 'Items[' + index + ']').replace(/Items_\d+__/g, 'Items_' + index + '__')
                .replace(/remove-item-\d+/, 'remove-item-' + index);
        };
        line.querySelectorAll('*').forEach(function (element) {
            ['id', 'name', 'for', 'aria-describedby'].forEach(function (attribute) {
                if (element.hasAttribute(attribute)) { element.setAttribute(attribute, renumber(element.getAttribute(attribute))); }
            });
            if (element.tagName === 'BUTTON') { element.value = renumber(element.value); }
            if (element.dataset.label) {
                element.setAttribute('aria-label', element.dataset.label.replace('{0}', index + 1));
                element.setAttribute('title', element.dataset.label.replace('{0}', index + 1));
            }
            if (element.tagName === 'INPUT') {
                element.value = element.name.endsWith('.Quantity') ? '1' : '';
                element.classList.remove('is-invalid');
                element.removeAttribute('aria-invalid');
                element.removeAttribute('autofocus');
                element.dataset.typed = 'false';
            }
            if (element.classList.contains('invalid-feedback')) { element.textContent = ''; }
        });
        line.querySelectorAll('.form-text').forEach(function (help) { help.remove(); });
        last.after(line);
        update();
        field(line, 'ProductCode').focus();
    };
    var addButton = form.querySelector('[data-add-item]');
    addButton.addEventListener('click', function (event) {
        if (itemLines().length === 0) { return; } // nothing to copy: the server adds the line
        event.preventDefault();
        addItem();
    });
    form.addEventListener('keydown', function (event) {
        var line = event.target.closest && event.target.closest('[data-item-line]');
        if (event.key !== 'Enter' || !line || event.target.tagName !== 'INPUT') { return; }
        event.preventDefault();
        var lines = itemLines();
        var next = lines[lines.indexOf(line) + 1];
        if (next) { field(next, 'ProductCode').focus(); } else { addItem(); }
    });
    update();
})();
