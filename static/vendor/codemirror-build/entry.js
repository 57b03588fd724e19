// Entry of the vendored CodeMirror bundle (static/vendor/build-codemirror.sh builds
// codemirror-6.0.2.js from it): only what the pack editor (static/js/pack-editor.js) uses.
export { EditorView, basicSetup } from "codemirror";
export { EditorState } from "@codemirror/state";
export { yaml } from "@codemirror/lang-yaml";
export { setDiagnostics, lintGutter } from "@codemirror/lint";
