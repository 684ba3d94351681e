import sanitizeHtml from 'sanitize-html';

// A parsed URL, not a pattern: relative image sources would make readers' browsers
// send requests to our own routes, so images must point at an absolute http(s) URL.
function isAbsoluteHttp(src: string | undefined): boolean {
  if (src === undefined || !URL.canParse(src)) return false;
  const { protocol } = new URL(src);
  return protocol === 'http:' || protocol === 'https:';
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code'],
    ...['em', 'strong', 'del', 'ul', 'ol', 'li', 'a', 'img'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    code: ['class'],
  },
  // Mentions are styled; fenced code keeps its language for a later highlighter.
  allowedClasses: { a: ['mention'], code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  // "//host/path" leaves the site as surely as an absolute URL does.
  allowProtocolRelative: false,
  transformTags: {
    // User content must not pass on our reputation, nor reach window.opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: isAbsoluteHttp(src) ? attribs : rest };
    },
  },
  // Whatever lost its URL above goes: an image entirely, a link leaving its text behind.
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img') return !frame.attribs.src;
    return frame.tag === 'a' && !frame.attribs.href && 'excludeTag';
  },
};

/** The allow-list applied to everything markdown-it produces, as defence in depth. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, options);
}
