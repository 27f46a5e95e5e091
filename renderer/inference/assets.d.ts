/** Vite's `?url` imports: the file is copied into the build and its URL is the default export. */
declare module '*?url' {
  const url: string;
  export default url;
}
