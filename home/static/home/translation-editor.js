// wagtail-localize's translation editor renders a PO-file upload input with no label (WCAG 2.2 AA,
// axe "label"). Its React component draws it after load and again when tabs change, so label it as it
// appears, naming it after its form's button.
(() => {
    const fallback = window.gettext ? window.gettext("Upload PO file") : "Upload PO file";
    const label = () => {
        document.querySelectorAll('.js-translation-editor input[type="file"]:not([aria-label])').forEach((input) => {
            const button = input.form && input.form.querySelector("button");
            input.setAttribute("aria-label", (button && button.textContent.trim()) || fallback);
        });
    };
    const editor = document.querySelector(".js-translation-editor");
    if (editor) {
        label();
        new MutationObserver(label).observe(editor, { childList: true, subtree: true });
    }
})();
