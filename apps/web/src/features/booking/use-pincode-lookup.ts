import { api } from '../../api/api';

/**
 * A pincode's centre, from the search API (it resolves pincodes with India Post's directory and
 * says where it searched). No provider needs to match: a missing category only widens the search.
 */
export const useLazySearchPincode = () => {
  const [trigger, state] = api.useLazySearchProvidersQuery();
  const lookup = async (pincode: string) => {
    const result = await trigger({ pincode, limit: 1 }, true);
    const location = result.data?.result.location;
    return location ? { lat: location.lat, lng: location.lng } : undefined;
  };
  return [lookup, state] as const;
};
