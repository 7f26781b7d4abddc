/** Real positions in Paris the integration tests walk between (about 2.7 km apart, in different areas). */
export const MARAIS = { lat: 48.8593, lon: 2.361 };
export const OPERA = { lat: 48.8719, lon: 2.3316 };
