import type { ChamberType } from '../api/types';

/** The kinds of chamber, in the order the directory's filter and editor offer them. */
export const chamberTypes: ChamberType[] = ['Township', 'Industry', 'Regional', 'NonLocal', 'CountyFederation', 'CityFederation'];
