// Progressive enhancement only: every page works without this file.
document.querySelectorAll('[data-autofocus]').forEach((el) => el.focus());
document.querySelectorAll('form[data-confirm]').forEach((form) => {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  });
});
