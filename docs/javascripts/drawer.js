// The navigation drawer on narrow screens opens with Material's <label for="__drawer">, which a keyboard
// cannot reach (and a label may not be given a button's role). So a real button takes the label's place:
// same look, a name and a state, Enter and Space for free. Opened from it, focus moves into the drawer;
// Escape closes it and returns focus to the button. Without JavaScript the label stays and works by touch.
const toggle = document.getElementById("__drawer");
const label = document.querySelector(".md-header label.md-header__button[for='__drawer']");
const drawer = document.querySelector(".md-nav--primary");
if (toggle && label && drawer) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.innerHTML = label.innerHTML;  // Material's icon
  button.setAttribute("aria-label", drawer.getAttribute("aria-label") || "Navigation");
  button.setAttribute("aria-expanded", String(toggle.checked));
  label.replaceWith(button);
  button.addEventListener("click", () => {
    toggle.click();
    if (toggle.checked) requestAnimationFrame(() => drawer.querySelector("a[href]")?.focus());
  });
  toggle.addEventListener("change", () => button.setAttribute("aria-expanded", String(toggle.checked)));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
}
