/* The "EN" button of a translated paragraph, heading or caption shows its
 * English source in a panel below the text, and hides it again; Escape closes
 * any open panel. */
const setOriginalShown = (button, shown) => {
  button.setAttribute("aria-expanded", String(shown));
  document.getElementById(button.getAttribute("aria-controls")).hidden = !shown;
};

document.addEventListener("click", (event) => {
  const button = event.target.closest(".autograd-original-toggle");
  if (button) setOriginalShown(button, button.getAttribute("aria-expanded") !== "true");
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document
    .querySelectorAll('.autograd-original-toggle[aria-expanded="true"]')
    .forEach((button) => setOriginalShown(button, false));
});
