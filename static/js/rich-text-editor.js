// The office's editor for rich text (core.fields.RichTextField). Tiptap, as django-prose-editor
// ships it, with exactly the constructs the server's sanitiser keeps (core/fields.py
// ALLOWED_TAGS). Loaded as a module from our own origin: no import map and no injected <style>,
// so the strict CSP holds without a nonce. Without JavaScript the textarea stays usable.
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Editor, Gapcursor, HardBreak, Heading,
  History, HorizontalRule, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Table,
  TableCell, TableHeader, TableRow, Text, crel,
} from "../django_prose_editor/editor.js";

// Tiptap writes inline styles and a <colgroup> into tables; the site styles tables itself.
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", HTMLAttributes, ["tbody", 0]];
  },
});

// The link dialog leaves title="" when the office leaves the title empty.
const PlainLink = Link.extend({
  addAttributes() {
    const attributes = this.parent?.() || {};
    return {
      ...attributes,
      title: {
        ...(attributes.title || {}),
        default: null,
        renderHTML: (values) => (values.title ? { title: values.title } : {}),
      },
    };
  },
});

const GERMAN = window.DefusEditorGerman || {};

function germanLabels(root) {
  for (const element of root.querySelectorAll("[title], [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const value = element.getAttribute(attribute);
      if (value && GERMAN[value]) element.setAttribute(attribute, GERMAN[value]);
    }
  }
  for (const element of root.querySelectorAll(".prose-menubar__button--heading, option")) {
    const value = element.textContent.trim();
    if (GERMAN[value]) element.textContent = GERMAN[value];
  }
}

function isEmpty(html) {
  return /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html);
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = crel("div", { className: `prose-editor${disabled ? " disabled" : ""}` });
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    content: textarea.value,
    extensions: [
      Document, Paragraph, Text, HardBreak, History, Dropcursor, Gapcursor, Menu,
      Heading.configure({ levels: [2, 3, 4] }),
      Bold, Italic, BulletList, OrderedList, ListItem, Blockquote, HorizontalRule,
      PlainLink.configure({ openOnClick: false, autolink: false, enableTarget: false, protocols: ["mailto", "tel"] }),
      PlainTable, TableRow, TableHeader, TableCell,
    ],
    editorProps: {
      attributes: { "aria-label": textarea.dataset.label || "Text", role: "textbox", "aria-multiline": "true" },
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = isEmpty(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  germanLabels(wrapper);
  new MutationObserver(() => germanLabels(wrapper)).observe(wrapper, { childList: true, subtree: true });
  textarea.richTextEditor = editor;
  return editor;
}

function initialize(root) {
  for (const textarea of root.querySelectorAll("textarea[data-rich-text]")) {
    if (!textarea.id.includes("__prefix__")) createEditor(textarea);
  }
}

initialize(document);
document.addEventListener("formset:added", (event) => initialize(event.target));
window.DefusRichText = { createEditor };
