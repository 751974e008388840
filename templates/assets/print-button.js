/* global document, window, Element */
// A "print" button (data-print) where the pages' policy allows no inline script: the list of temporary passwords.
document.addEventListener('click', function (event) {
  if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
