// The navigation drawer on narrow screens opens with Material's <label for="__drawer">, which a keyboard
// cannot reach. Make that label a focusable button with a name and a state; Material itself clicks a
// focused label on Enter, and Space is added here. Opened from the keyboard, focus moves into the
// drawer; Escape closes it and returns focus to the button.
const toggle = document.getElementById("__drawer");
const button = document.querySelector(".md-header label.md-header__button[for='__drawer']");
const drawer = document.querySelector(".md-nav--primary");
if (toggle && button && drawer) {
  button.setAttribute("role", "button");
  button.tabIndex = 0;
  button.setAttribute("aria-label", drawer.getAttribute("aria-label") || "Navigation");
  button.setAttribute("aria-expanded", String(toggle.checked));
  toggle.addEventListener("change", () => {
    button.setAttribute("aria-expanded", String(toggle.checked));
    if (toggle.checked && document.activeElement === button) {
      requestAnimationFrame(() => drawer.querySelector("a[href]")?.focus());
    }
  });
  button.addEventListener("keydown", (event) => {
    if (event.key !== " ") return;
    event.preventDefault();
    toggle.click();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
}
