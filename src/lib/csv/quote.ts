/** A cell quoted in a bad row's reason, cut short so a wrongly mapped long column stays readable. */
export const quoteCell = (text: string) => `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
