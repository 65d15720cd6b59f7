// Vite's `?raw` imports: a fixture file's text (the workerd suite reads sample emails this way).
declare module "*?raw" {
  const text: string;
  export default text;
}
