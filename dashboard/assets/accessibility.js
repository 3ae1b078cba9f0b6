/* Accessibility corrections to the DOM of Dash 4's own components (issue #12, WCAG 2.2 AA).
 *
 * Served from 'self' like every asset (the Content-Security-Policy allows no inline script).
 * React only writes an attribute again when its prop changes, so each correction holds until
 * the component re-renders that prop; a MutationObserver applies them again at once.
 *
 * 1. RadioItems, and a dropdown's open list, render a listbox of <label role="option"> around
 *    native radios or checkboxes (nested interactive controls, no accessible name): make the
 *    list a radiogroup (or a group of checkboxes) named by its fieldset's legend or its field
 *    label, and leave the native inputs as they are; name the dropdown's dialog too.
 * 2. Dropdowns put an aria-hidden <input tabindex="0"> before their button (focusable while
 *    hidden): take it out of the tab order, put the button in it, name the button by its field
 *    label as well as its value, and say that it opens a dialog (Dash's popup is one).
 * 3. An open searchable dropdown focuses the chosen option, not its search box: a printable
 *    key typed there goes to the search box; Enter in the search box chooses the first match
 *    that can be chosen (Dash would choose a disabled group heading).
 */
(function () {
    "use strict";

    function ensureId(element, id) {
        if (!element.id) { element.id = id; }
        return element.id;
    }

    function labelOfDropdown(button) {
        var label = button.id && document.querySelector("label[for='" + CSS.escape(button.id) + "']");
        return label ? ensureId(label, button.id + "-label") : null;
    }

    function nameOfOptionList(list) {
        var fieldset = list.closest("fieldset");
        var legend = fieldset && fieldset.querySelector("legend");
        if (legend && list.id) { return ensureId(legend, list.id + "-legend"); }
        var wrapper = list.closest(".dash-dropdown-wrapper");
        var button = wrapper && wrapper.querySelector("button.dash-dropdown");
        return button ? labelOfDropdown(button) : null;
    }

    function fixOptionLists(root) {
        root.querySelectorAll(".dash-options-list[role='listbox']").forEach(function (list) {
            list.setAttribute("role", list.querySelector("input[type='checkbox']") ? "group" : "radiogroup");
            var name = nameOfOptionList(list);
            if (name) { list.setAttribute("aria-labelledby", name); }
        });
        root.querySelectorAll(".dash-options-list-option[role], .dash-options-list-option[aria-selected]")
            .forEach(function (option) {
                option.removeAttribute("role");
                option.removeAttribute("aria-selected");
            });
        root.querySelectorAll(".dash-dropdown-content[role='dialog']:not([aria-labelledby])")
            .forEach(function (dialog) {
                var wrapper = dialog.closest(".dash-dropdown-wrapper");
                var button = wrapper && wrapper.querySelector("button.dash-dropdown");
                var name = button && labelOfDropdown(button);
                if (name) { dialog.setAttribute("aria-labelledby", name); }
            });
    }

    function fixDropdowns(root) {
        root.querySelectorAll(".dash-dropdown-focus-target").forEach(function (target) {
            if (target.tabIndex !== -1) { target.tabIndex = -1; }
            var button = target.nextElementSibling;
            if (!button || !button.matches("button.dash-dropdown") || button.disabled) { return; }
            if (button.tabIndex !== 0) { button.tabIndex = 0; }
            if (button.getAttribute("aria-haspopup") !== "dialog") {  // the list opens in a dialog
                button.setAttribute("aria-haspopup", "dialog");
            }
            var labelId = labelOfDropdown(button);
            if (labelId) {
                var names = (button.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
                if (names[0] !== labelId) {
                    button.setAttribute("aria-labelledby", [labelId].concat(
                        names.filter(function (n) { return n !== labelId; })).join(" "));
                }
            }
        });
    }

    function fix() {
        fixOptionLists(document);
        fixDropdowns(document);
    }

    function typeIntoSearch(event) {
        if (event.key.length !== 1 || event.key === " " || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var target = event.target;
        if (!(target instanceof Element) || target.matches(".dash-dropdown-search")) { return; }
        var content = target.closest(".dash-dropdown-content");
        var search = content && content.querySelector("input.dash-dropdown-search");
        if (search) { search.focus(); }  // the key's character then lands in the search box
    }

    function chooseFirstMatch(event) {
        var search = event.target;
        if (event.key !== "Enter" || !(search instanceof Element) || !search.matches(".dash-dropdown-search")
                || !search.value) {
            return;
        }
        var content = search.closest(".dash-dropdown-content");
        var first = content && content.querySelector(".dash-options-list-option input");
        if (!first || !first.disabled) { return; }  // Dash's own Enter chooses it
        event.stopPropagation();
        var choice = content.querySelector(".dash-options-list-option input:not([disabled])");
        if (choice) { choice.click(); }
    }

    function start() {
        fix();
        new MutationObserver(fix).observe(document.body, {
            subtree: true, childList: true,
            attributes: true, attributeFilter: ["role", "aria-selected", "tabindex", "aria-labelledby", "aria-haspopup"],
        });
        document.addEventListener("keydown", typeIntoSearch, true);
        document.addEventListener("keyup", chooseFirstMatch, true);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
