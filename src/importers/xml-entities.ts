import { decodeXML } from 'entities';

/**
 * An XML attribute value as a parser reports it (XML 1.0, 3.3.3): literal line breaks and tabs
 * become spaces, then character references and the five predefined entities are replaced
 * (`entities`, the decoder htmlparser2 and markdown-it use). An unknown entity is left as written.
 */
export function decodeAttribute(raw: string): string {
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\t\n]/g, ' ') : raw;
  return text.includes('&') ? decodeXML(text) : text;
}
