// The bundled type (resources/fonts, copied to out/renderer/fonts by the build) is linked
// at run time rather than imported, so its 300-odd woff2 slices stay files the browser
// loads by unicode-range instead of passing through the bundler.
export const fontsLinked: Promise<void> = new Promise((resolve) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./fonts/fonts.css', document.baseURI).href;
  link.onload = () => resolve();
  // Without the fonts the page still works; preflight reports the missing type.
  link.onerror = () => resolve();
  document.head.appendChild(link);
});
