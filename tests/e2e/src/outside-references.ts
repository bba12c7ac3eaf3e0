/**
 * References to documents that are not in the repository: the design notes the
 * platform was first written from (a domain brief, an architecture brief, a
 * style guide with numbered rules, toolchain notes, Chinese source documents
 * numbered 000-004), kept beside the checkout in a `shared/` folder. A reader
 * of the repository does not have them, so a comment that says "style rule 7"
 * or "domain §4" explains nothing. The rule is said in words, or the reference
 * points to `docs/` (domain.md, architecture.md, conventions.md, decisions/).
 */
export interface OutsideReference {
  /** Path relative to the repository root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** What matched. */
  readonly text: string;
  readonly why: string;
}

interface Pattern {
  readonly re: RegExp;
  readonly why: string;
  /** Files where the pattern is fine (docs/ links its own pages relatively). */
  readonly allowedIn?: (file: string) => boolean;
}

const NOTES = '(?:domain|architecture|style|toolchain)';

const PATTERNS: readonly Pattern[] = [
  {
    // `../shared/domain.md`, `shared/seeds/`; not the services' own `src/shared/` code.
    re: new RegExp(`\\.\\./shared/[\\w-]+\\.md\\b|\\bshared/(?:${NOTES}\\.md\\b|seeds\\b)`, 'gi'),
    why: 'a document in a shared/ folder outside the repository',
  },
  { re: /\/work\/shared\b/gi, why: 'a folder outside the repository' },
  { re: /\bstyle[ -]rules?\b/gi, why: 'a numbered style rule: say the rule itself' },
  {
    re: new RegExp(`\\b${NOTES}(?: brief| notes| doc)?\\s*§\\s*\\d+`, 'gi'),
    why: 'a section of an outside document: say the reason or point to docs/',
  },
  {
    // "(architecture: data conventions)", not a parameter list such as "(domain: string)".
    re: new RegExp(`\\(${NOTES}(?: brief| notes)?: (?:"|[a-z]+(?: [a-z]|$))`, 'gi'),
    why: 'a section of an outside document: point to docs/<page>.md',
  },
  {
    re: new RegExp(`\\b${NOTES} (?:brief|notes)\\b|\\bthe brief for\\b`, 'gi'),
    why: 'an outside brief or notes: say the reason or point to docs/',
  },
  { re: /\bseeds? 00\d\b/gi, why: 'a seed document: name the source or point to docs/domain.md' },
  {
    re: /\(00\d(?:, ?00\d)*\)/g,
    why: 'a numbered seed document: name the source or point to docs/domain.md',
  },
  { re: /\b(?:style|toolchain)\.md\b/gi, why: 'a document the repository does not have' },
  {
    re: /(?<![\w/.-])(?:domain|architecture)\.md\b/gi,
    why: 'a page outside docs/: write docs/domain.md or docs/architecture.md',
    allowedIn: (file) => file.startsWith('docs/'),
  },
];

/** Every outside reference in one file's text. */
export function outsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  text.split('\n').forEach((content, index) => {
    for (const { re, why, allowedIn } of PATTERNS) {
      if (allowedIn?.(file)) continue;
      for (const match of content.matchAll(re)) found.push({ file, line: index + 1, text: match[0], why });
    }
  });
  return found;
}
