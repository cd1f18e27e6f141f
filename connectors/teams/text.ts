/**
 * A chatMessage body as plain text for the hub: Teams clients post HTML (`<p>…</p>`, `<br>`,
 * entities); the connector posts text. Tags become line breaks or nothing, entities are decoded.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function bodyText(body: { contentType: 'text' | 'html'; content?: string | null }): string {
  const content = body.content ?? '';
  if (body.contentType === 'text') return content;
  return content
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (ENTITIES[name]) return ENTITIES[name];
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return whole;
    })
    .trim();
}
