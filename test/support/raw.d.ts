/** Vite's `?raw` imports (file text as a string), for tests inside workerd, which has no file system. */
declare module "*?raw" {
  const text: string;
  export default text;
}
