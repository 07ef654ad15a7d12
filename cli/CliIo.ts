/** Where a command writes: the result on stdout, progress and errors on stderr. */
export interface CliIo {
  out(text: string): void;
  progress(line: string): void;
  error(line: string): void;
  readonly color: boolean;
}
