/* pydata-sphinx-theme's sidebar expands sections with <summary> elements
 * that hold only an icon; screen readers need a name.  Name each one after
 * the section it opens. */
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("details > summary:not([aria-label])").forEach((summary) => {
    const link = summary.parentElement.parentElement.querySelector(":scope > a");
    if (link && !summary.textContent.trim()) summary.setAttribute("aria-label", link.textContent.trim());
  });
});
