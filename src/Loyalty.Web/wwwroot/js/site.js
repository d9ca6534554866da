// Behaviour that a strict CSP allows: no inline handlers, only data attributes wired here.
(function () {
    'use strict';
    // Language menu: choosing a language submits its form — through its own button when it names one (the sign-in
    // page's menu posts the sign-in form elsewhere); that button is only needed without this script.
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
        var submitter = select.dataset.submitter ? document.getElementById(select.dataset.submitter) : null;
        if (submitter) { submitter.hidden = true; }
        select.addEventListener('change', function () {
            if (submitter) { select.form.requestSubmit(submitter); } else { select.form.submit(); }
        });
    });
    // Buttons of destructive actions ask first: <button data-confirm="message">.
    document.querySelectorAll('[data-confirm]').forEach(function (element) {
        element.addEventListener('click', function (event) {
            if (!window.confirm(element.getAttribute('data-confirm'))) {
                event.preventDefault();
            }
        });
    });
})();
// Parts of a form that only apply to one choice: <fieldset data-show-when="FieldName" data-show-value="Value">.
(function () {
    'use strict';
    document.querySelectorAll('[data-show-when]').forEach(function (part) {
        var field = document.getElementById(part.getAttribute('data-show-when'));
        if (!field) { return; }
        var update = function () { part.hidden = field.value !== part.getAttribute('data-show-value'); };
        field.addEventListener('change', update);
        update();
    });
})();
// File inputs with a size limit say so before uploading: <input type="file" data-max-bytes="…" data-too-large="message">.
(function () {
    'use strict';
    document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            var tooLarge = !!file && file.size > Number(input.getAttribute('data-max-bytes'));
            input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
            input.classList.toggle('is-invalid', tooLarge);
            var feedback = document.getElementById(input.getAttribute('aria-describedby'));
            if (feedback) { feedback.textContent = tooLarge ? input.getAttribute('data-too-large') : ''; }
            if (tooLarge) { input.value = ''; }
        });
    });
})();
// Where the reader should start: the element marked data-focus-on-load; one marked "unless-autofocus" (the confirmation
// after a save) only when the page does not start in a field of its own.
(function () {
    'use strict';
    var target = document.querySelector('[data-focus-on-load]');
    if (!target) { return; }
    if (target.getAttribute('data-focus-on-load') === 'unless-autofocus' && document.querySelector('[autofocus]')) { return; }
    target.focus();
})();
// Copy a field's value: <button data-copy-target="input-id" data-copy-status="status-id" data-copied="…"
// data-copy-failed="…" hidden>. The button shows only where this script runs; the result is said in the status element.
(function () {
    'use strict';
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        if (!source) { return; }
        button.hidden = false;
        button.addEventListener('click', function () {
            var say = function (key) { if (status) { status.textContent = button.getAttribute(key); } };
            var fallback = function () {
                // Without the clipboard API (plain http, an old browser) the key is selected for Ctrl+C.
                source.focus();
                source.select();
                say('data-copy-failed');
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(source.value).then(function () { say('data-copied'); }, fallback);
            } else {
                fallback();
            }
        });
    });
})();
// Pages that follow work running on the server reload themselves: <div data-refresh-seconds="5">. A reload waits while
// someone is typing in a form field, so nothing typed is lost.
(function () {
    'use strict';
    var marker = document.querySelector('[data-refresh-seconds]');
    if (!marker) { return; }
    var seconds = Number(marker.getAttribute('data-refresh-seconds')) || 5;
    var tick = function () {
        var active = document.activeElement;
        if (active && active.form && (active.tagName === 'INPUT' || active.tagName === 'SELECT' || active.tagName === 'TEXTAREA')) {
            window.setTimeout(tick, seconds * 1000);
            return;
        }
        window.location.reload();
    };
    window.setTimeout(tick, seconds * 1000);
})();
