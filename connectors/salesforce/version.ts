/**
 * The REST API version every path pins (v62.0, Winter '25). Salesforce serves old versions for
 * years and changes shapes between them, so a bump is a deliberate change, never a drift.
 */
export const API_VERSION = 'v62.0';

/** The root of every data path: `/services/data/v62.0`. */
export const DATA_PATH = `/services/data/${API_VERSION}`;
