export { renderMarkdown, renderMarkdownWithText, type RenderOptions } from './render.js';
export { extractMentions } from './extract-mentions.js';
export { renameMention } from './mentions.js';
export { toPlainText } from './plain-text.js';
export { countLinks } from './links.js';
