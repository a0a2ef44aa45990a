/** SQLite's strftime() conversions, in UTC. Unknown conversions give NULL, as in SQLite. */
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

export function strftime(format: string, d: Date): string | null {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec = format[++i];
    const piece = conversion(spec, d);
    if (piece === undefined) return null;
    out += piece;
  }
  return out;
}

function conversion(spec: string | undefined, d: Date): string | undefined {
  const yday = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS);
  const hour = d.getUTCHours();
  switch (spec) {
    case 'Y': return pad(d.getUTCFullYear(), 4);
    case 'm': return pad(d.getUTCMonth() + 1);
    case 'd': return pad(d.getUTCDate());
    case 'e': return pad(d.getUTCDate(), 2, ' ');
    case 'H': return pad(hour);
    case 'k': return pad(hour, 2, ' ');
    case 'I': return pad(hour % 12 === 0 ? 12 : hour % 12);
    case 'l': return pad(hour % 12 === 0 ? 12 : hour % 12, 2, ' ');
    case 'p': return hour < 12 ? 'AM' : 'PM';
    case 'P': return hour < 12 ? 'am' : 'pm';
    case 'M': return pad(d.getUTCMinutes());
    case 'S': return pad(d.getUTCSeconds());
    case 'f': return `${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
    case 'j': return pad(yday + 1, 3);
    case 'w': return String(d.getUTCDay());
    case 'u': return String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
    case 'W': {
      const wd = (d.getUTCDay() + 6) % 7; // 0 = Monday
      return pad(Math.floor((yday + 7 - wd) / 7));
    }
    case 'U': return pad(Math.floor((yday + 7 - d.getUTCDay()) / 7));
    case 's': return String(Math.floor(d.getTime() / 1000));
    case 'F': return d.toISOString().slice(0, 10);
    case 'T': return d.toISOString().slice(11, 19);
    case 'R': return d.toISOString().slice(11, 16);
    case '%': return '%';
    default: return undefined;
  }
}
