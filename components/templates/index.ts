export { TemplateLibrary, type TemplateLibraryProps } from './TemplateLibrary';
export { TemplateEditor, draftFromForm, formFromTemplate, parseTags, type TemplateEditorProps } from './TemplateEditor';
export { ImportPanel, diffRows, type ImportPanelProps } from './ImportPanel';
export { templateLibraryStyles } from './styles';
