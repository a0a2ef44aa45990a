import { parseConnectionString } from '../../src/connection-string/parse.js';
import { CATEGORIES, PROPERTIES } from '../../src/connection-string/properties.js';
import type { PropertyDefinition } from '../../src/connection-string/properties.js';
import { code, generatedNotice, table } from './markdown.js';

/** docs/connection-string.md: the syntax, with examples parsed by the real parser, and the catalog. */
export function renderConnectionStringDoc(): string {
  return [
    generatedNotice('src/connection-string/catalog/ and scripts/docs/connection-string.ts'),
    '',
    '# Connection strings',
    '',
    'igsql is configured by a connection string in the style of the CData Instagram drivers:',
    '',
    '```',
    'InitiateOAuth=GETANDREFRESH;OAuthClientId=1234567890;OAuthClientSecret=...;ProxyServer=proxy.corp;ProxyPort=3128',
    '```',
    '',
    'Pass it with `igsql -c "..."` or the `IGSQL_CONNECTION` environment variable, or to `connect()`',
    'from Node. `igsql --check -c "..."` validates one and prints the properties it sets.',
    '',
    ...SYNTAX,
    '',
    examplesTable(),
    '',
    ...RESOLUTION,
    '',
    '## Properties',
    '',
    'Type, default and meaning of every property, by category. **Secret** properties are masked',
    '(`****`) wherever igsql shows them: `--check`, logs, error messages, `toString()`, `JSON.stringify`',
    'and `util.inspect`.',
    '',
    ...CATEGORIES.flatMap((category) => [
      `### ${category}`,
      '',
      table(
        ['Property', 'Type', 'Default', 'Description'],
        PROPERTIES.filter((def) => def.category === category).map((def) => [
          `**${def.name}**`,
          def.type.label,
          defaultText(def),
          description(def),
        ]),
      ),
      '',
    ]),
  ].join('\n');
}

const SYNTAX = [
  '## Syntax',
  '',
  'The rules are those of ADO.NET connection strings, plus ODBC braces:',
  '',
  '- A connection string is a list of `key=value` pairs separated by `;`. Empty pairs and a',
  '  trailing `;` are ignored.',
  '- Keys are trimmed and case-insensitive. A `=` inside a key is written `==`.',
  '- An unquoted value is trimmed and runs to the next `;`; it may contain `=` and quotes.',
  '- A value may be enclosed in single or double quotes: then it may contain `;`, `=` and leading or',
  '  trailing spaces. Inside, the enclosing quote is written twice (`\'it\'\'s\'`). White space around the',
  '  quoted value is ignored; anything else between the closing quote and the next `;` is an error.',
  '- A value may also be enclosed in ODBC braces `{...}`; inside, `}` is written `}}`.',
  '- A key given twice: **the last one wins** (as in ADO.NET; ODBC\'s first-wins is not followed).',
  '- The JDBC prefixes `jdbc:instagram:` and `jdbc:cdata:instagram:` may precede the pairs.',
  '- Errors give the position (1-based character, or line and column in a multi-line string) and say',
  '  what is wrong; every problem of a string is reported at once. The value of a secret is never shown.',
  '',
  'How the parser reads some examples:',
];

const EXAMPLES = [
  "Timeout=30;Verbosity=2;",
  " timeout = 30 ; Verbosity = 2 ",
  "Other=a=b=c",
  "ProxyPassword='pa;ss word '",
  "Logfile=\"C:\\logs\\igsql \"\"today\"\".log\"",
  "Views='it''s'",
  "ProxyExceptions={localhost;*.corp}",
  "Tables={a}}b}",
  "Key==Name=value",
  "jdbc:instagram:Timeout=30",
  "Timeout=10;Timeout=20",
];

function examplesTable(): string {
  return table(
    ['Connection string', 'Key', 'Value'],
    EXAMPLES.flatMap((text) =>
      parseConnectionString(text).pairs.map((pair, i) => [i === 0 ? code(text) : '', code(pair.key), code(pair.value)]),
    ),
  );
}

const RESOLUTION = [
  '## From pairs to properties',
  '',
  '- A key names a property by its name or one of its aliases, ignoring case and spaces',
  '  (`initiate oauth` is `InitiateOAuth`). A property given twice, under any of its names: the last wins.',
  '- An unknown key is an error, with a suggestion when a property has a close name.',
  '- Values are checked and converted: booleans accept `true`/`false`, `yes`/`no`, `1`/`0`; numbers',
  '  must be whole and in range; lists of values (such as `ProxyExceptions`, `Tables`) take commas or',
  '  semicolons; sizes take `100MB`, `512kB`, `1GB` or bytes; a choice among fixed values ignores case',
  '  (`initiateoauth=getandrefresh` is `GETANDREFRESH`).',
  '- An empty value (`Timeout=`) means the default.',
  '- Rules between properties: `ProxyServer` (and `FirewallServer`) may be written `host:port`, which',
  '  sets `ProxyPort` (`FirewallPort`); without a port, the port property (or its default) is used.',
  '  `FirewallType` other than `NONE` needs `FirewallServer`, and the firewall port defaults to 80 for',
  '  `TUNNEL` and 1080 for `SOCKS4`/`SOCKS5`. `ProxyAutoDetect=true` cannot be combined with',
  '  `ProxyServer`. `AppSecretProof=true` needs `OAuthClientSecret`. Proxy or firewall details set without',
  '  a proxy or firewall give a warning.',
  '- Some CData properties have no effect in igsql (a warning says so when they are set), and a few are',
  '  refused when set to anything but their default, because ignoring them would change results: see',
  '  the descriptions below.',
];

function defaultText(def: PropertyDefinition): string {
  if (def.defaultText !== undefined) return def.defaultText;
  const text = (def.type.format as (value: unknown) => string)(def.default);
  return text === '' ? '(empty)' : code(text);
}

function description(def: PropertyDefinition): string {
  const parts = [def.description];
  if (def.aliases.length > 0) parts.push(`Also: ${def.aliases.map(code).join(', ')}.`);
  if (def.sensitive) parts.push('**Secret.**');
  if (def.support === 'ignored') parts.push(`**No effect in igsql:** ${def.note}.`);
  if (def.support === 'unsupported') parts.push(`**Not supported:** a value other than the default is refused; ${def.note}.`);
  return parts.join(' ');
}
