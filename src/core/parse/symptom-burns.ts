// 烧 that is no fever: fuel burning till a time (煤两吨够烧到开春), a kettle boiling (水壶烧得太慢), a cook's cooking
// (比我家里烧得好, 烧得一手好菜).

/** Whether the 烧到 / 烧得 matched at start..end burns fuel or cooks rather than being a fever. */
export function burnsNoFever(text: string, word: string, start: number, end: number): boolean {
  if (word === '烧到')
    return (
      /^\s*(?:开春|清明|过年|年底|月底|春天|夏天|明年|今年|今朝|今天|今晚|明天|后天|夜里|晚上|下个?月|[正二三四五六七八九十冬腊]月)/.test(
        text.slice(end, end + 4),
      ) || /(?:煤|气|柴|炭|火|炉|炕)[^，,。\s]{0,6}$/.test(text.slice(Math.max(0, start - 8), start))
    );
  if (word === '烧得')
    return (
      /(?:壶|水|锅|饭|火|炉|暖气|空调|炕)[^，,。\s]{0,2}$/.test(text.slice(Math.max(0, start - 4), start)) ||
      /^(?:好吃|好(?![难受])|香|不错|一手|真好|太好|地道)/.test(text.slice(end, end + 3))
    );
  return false;
}
