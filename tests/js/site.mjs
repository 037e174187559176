// A built site's search data, read from disk the way the page fetches it.
import { readFile } from 'node:fs/promises';
import { SearchData } from '../../theme/static/js/search/data.mjs';

export function siteData(dataFolder) {
  return new SearchData(async (path, asText) => {
    const text = await readFile(dataFolder + '/' + path, 'utf8');
    return asText ? text : JSON.parse(text);
  });
}
