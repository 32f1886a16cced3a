/** Where the reading paths pages are: the site config reserves it before the audience plugin loads (docs/adr/0059). */
export const AUDIENCES_PATH = 'audiences';
