/**
 * The connector's icon: our own drawing (a speech bubble holding an "F"), not Front's logo,
 * so the package ships no third-party trademark artwork. Kept inline so the definition is
 * self-contained JSON that Spojit can store without fetching anything.
 */
export const FRONT_CONNECTOR_ICON_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="Front">',
  '<rect x="4" y="4" width="56" height="48" rx="12" fill="#A857F1"/>',
  '<path d="M18 50 L18 60 L30 50 Z" fill="#A857F1"/>',
  '<path d="M24 16 H42 V22 H31 V27 H40 V33 H31 V42 H24 Z" fill="#FFFFFF"/>',
  "</svg>",
].join("");
