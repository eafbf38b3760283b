/** Shell words for the README tests (Node and workerd): no I/O, no Node built-ins. */

/** Shell words of one command line: '…', "…", $'…' and backslash escapes; stops at an unquoted #, |, ;, && or >. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  const ansi: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };
  while (i < line.length) {
    while (line[i] === " " || line[i] === "\t") i++;
    if (i >= line.length || "#|;>".includes(line[i] ?? "") || line.startsWith("&&", i)) break;
    let word = "";
    while (i < line.length && line[i] !== " " && line[i] !== "\t") {
      const ch = line[i] ?? "";
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error(`unclosed ' in: ${line}`);
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (ch === "$" && line[i + 1] === "'") {
        i += 2;
        while (i < line.length && line[i] !== "'") {
          const escaped = line[i] === "\\";
          word += escaped ? (ansi[line[i + 1] ?? ""] ?? line[i + 1] ?? "") : line[i];
          i += escaped ? 2 : 1;
        }
        i++;
      } else if (ch === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          const escaped = line[i] === "\\" && '"\\$`'.includes(line[i + 1] ?? "");
          word += escaped ? line[i + 1] : line[i];
          i += escaped ? 2 : 1;
        }
        i++;
      } else if (ch === "\\") {
        word += line[i + 1] ?? "";
        i += 2;
      } else {
        word += ch;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}
