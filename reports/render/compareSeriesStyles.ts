/**
 * How each report (A, B, C …) is drawn in the comparison's charts: a colour and a dash pattern, so
 * the series stay apart when a regulator prints the page in greyscale. Eight, as many as
 * compareLimits allows.
 */
export const compareSeriesStyles = [
  { colour: '#0969da', dash: 'none' },
  { colour: '#bf3989', dash: '8 4' },
  { colour: '#1a7f37', dash: '2 3' },
  { colour: '#9a6700', dash: '10 3 2 3' },
  { colour: '#8250df', dash: '5 2' },
  { colour: '#cf222e', dash: '12 3 2 3 2 3' },
  { colour: '#57606a', dash: '1 4' },
  { colour: '#0550ae', dash: '16 4' },
] as const;
