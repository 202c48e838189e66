/**
 * The demo shops: real towns with the real position of the town centre (or of the shopping area
 * for out-of-town hypermarkets) and invented but plausible street addresses.
 * `small` marks a small-town shop that closes for lunch and on Monday morning.
 */
export type StoreFormat = 'hyper' | 'city' | 'outlet';

export interface StoreSeed {
  slug: string;
  code: string;
  name: string;
  format: StoreFormat;
  address: string;
  postcode: string;
  town: string;
  lat: number;
  lng: number;
  small?: boolean;
}

type Row = [
  slug: string,
  code: string,
  name: string,
  format: StoreFormat,
  address: string,
  postcode: string,
  town: string,
  lat: number,
  lng: number,
  small?: boolean,
];

const ROWS: Row[] = [
  ['paris-les-halles', 'PAR-HALLE', 'Comptoir Paris Les Halles', 'city', '14 rue Pierre Lescot', '75001', 'Paris', 48.8622, 2.3469],
  ['paris-marais', 'PAR-MARAI', 'Comptoir Paris Marais', 'city', '38 rue des Francs-Bourgeois', '75004', 'Paris', 48.8575, 2.3595],
  ['paris-opera', 'PAR-OPERA', 'Comptoir Paris Opéra', 'city', '27 boulevard Haussmann', '75009', 'Paris', 48.8737, 2.3322],
  ['paris-bastille', 'PAR-BASTI', 'Comptoir Paris Bastille', 'city', '9 rue du Faubourg Saint-Antoine', '75011', 'Paris', 48.853, 2.3715],
  ['paris-convention', 'PAR-CONVE', 'Comptoir Paris Convention', 'city', '112 rue de la Convention', '75015', 'Paris', 48.8383, 2.2962],
  ['paris-batignolles', 'PAR-BATIG', 'Comptoir Paris Batignolles', 'city', '46 rue des Batignolles', '75017', 'Paris', 48.8855, 2.3185],
  ['velizy-villacoublay', 'VEL-HYPER', 'Comptoir Vélizy-Villacoublay', 'hyper', '2 avenue de l\u2019Europe', '78140', 'Vélizy-Villacoublay', 48.7823, 2.1929],
  ['creteil-soleil', 'CRE-SOLEI', 'Comptoir Créteil Soleil', 'hyper', '101 avenue du Général de Gaulle', '94000', 'Créteil', 48.779, 2.456],
  ['lyon-part-dieu', 'LYO-PDIEU', 'Comptoir Lyon Part-Dieu', 'city', '17 rue du Docteur Bouchut', '69003', 'Lyon', 45.7605, 4.8597],
  ['lyon-confluence', 'LYO-CONFL', 'Comptoir Lyon Confluence', 'city', '112 cours Charlemagne', '69002', 'Lyon', 45.7405, 4.8176],
  ['villeurbanne', 'VIL-URBAN', 'Comptoir Villeurbanne', 'hyper', '51 avenue Roger Salengro', '69100', 'Villeurbanne', 45.7719, 4.8902],
  ['marseille-vieux-port', 'MRS-VPORT', 'Comptoir Marseille Vieux-Port', 'city', '45 rue de la République', '13001', 'Marseille', 43.2965, 5.3698],
  ['marseille-la-valentine', 'MRS-VALEN', 'Comptoir Marseille La Valentine', 'hyper', 'Route de la Sablière', '13011', 'Marseille', 43.293, 5.483],
  ['lille-centre', 'LIL-CENTR', 'Comptoir Lille Centre', 'city', '31 rue Neuve', '59000', 'Lille', 50.6365, 3.0635],
  ['villeneuve-d-ascq', 'LIL-VASCQ', 'Comptoir Villeneuve-d\u2019Ascq', 'hyper', '4 boulevard de Valmy', '59650', 'Villeneuve-d\u2019Ascq', 50.6233, 3.145],
  ['bordeaux-sainte-catherine', 'BDX-STCAT', 'Comptoir Bordeaux Sainte-Catherine', 'city', '88 rue Sainte-Catherine', '33000', 'Bordeaux', 44.8404, -0.5743],
  ['merignac', 'BDX-MERIG', 'Comptoir Mérignac', 'hyper', '6 avenue de la Somme', '33700', 'Mérignac', 44.8386, -0.6436],
  ['toulouse-capitole', 'TLS-CAPIT', 'Comptoir Toulouse Capitole', 'city', '12 rue d\u2019Alsace-Lorraine', '31000', 'Toulouse', 43.6045, 1.444],
  ['portet-sur-garonne', 'TLS-PORTE', 'Comptoir Portet-sur-Garonne', 'hyper', '1 allée du Grand Chêne', '31120', 'Portet-sur-Garonne', 43.5237, 1.4056],
  ['nantes-commerce', 'NTE-COMME', 'Comptoir Nantes Commerce', 'city', '5 rue de la Barillerie', '44000', 'Nantes', 47.2132, -1.558],
  ['saint-herblain', 'NTE-HERBL', 'Comptoir Saint-Herblain', 'hyper', 'Boulevard Salvador Allende', '44800', 'Saint-Herblain', 47.2122, -1.6494],
  ['montpellier-comedie', 'MPL-COMED', 'Comptoir Montpellier Comédie', 'city', '3 rue de la Loge', '34000', 'Montpellier', 43.6083, 3.8795],
  ['lattes', 'MPL-LATTE', 'Comptoir Lattes', 'hyper', '340 avenue de l\u2019Agau', '34970', 'Lattes', 43.5675, 3.9],
  ['strasbourg-kleber', 'STR-KLEBE', 'Comptoir Strasbourg Kléber', 'city', '22 rue des Grandes Arcades', '67000', 'Strasbourg', 48.5833, 7.7458],
  ['roppenheim-outlet', 'STR-OUTLE', 'Comptoir Outlet Roppenheim', 'outlet', '1 route de Seltz', '67480', 'Roppenheim', 48.832, 8.06],
  ['troyes-outlet', 'TRY-OUTLE', 'Comptoir Outlet Troyes', 'outlet', '114 boulevard de Dijon', '10150', 'Pont-Sainte-Marie', 48.32, 4.1],
  ['nice-medecin', 'NCE-MEDEC', 'Comptoir Nice Jean-Médecin', 'city', '30 avenue Jean Médecin', '06000', 'Nice', 43.701, 7.268],
  ['rennes', 'REN-HYPER', 'Comptoir Rennes', 'hyper', '8 rue du Bignon', '35000', 'Rennes', 48.1113, -1.68],
  ['grenoble', 'GRE-CENTR', 'Comptoir Grenoble', 'city', '15 rue Félix Poulat', '38000', 'Grenoble', 45.1885, 5.7245],
  ['dijon', 'DIJ-HYPER', 'Comptoir Dijon', 'hyper', '20 avenue de Langres', '21000', 'Dijon', 47.322, 5.0415],
  ['tours', 'TRS-CENTR', 'Comptoir Tours', 'city', '62 rue Nationale', '37000', 'Tours', 47.3941, 0.6848],
  ['angers', 'ANG-HYPER', 'Comptoir Angers', 'hyper', '5 boulevard Gaston Birgé', '49100', 'Angers', 47.4712, -0.5518],
  ['reims', 'REI-HYPER', 'Comptoir Reims', 'hyper', '9 rue de Vesle', '51100', 'Reims', 49.2583, 4.0317],
  ['rouen', 'ROU-CENTR', 'Comptoir Rouen', 'city', '41 rue du Gros-Horloge', '76000', 'Rouen', 49.4431, 1.0993],
  ['caen', 'CAE-HYPER', 'Comptoir Caen', 'hyper', '18 boulevard du Maréchal Leclerc', '14000', 'Caen', 49.1829, -0.3707],
  ['brest', 'BRE-HYPER', 'Comptoir Brest', 'hyper', '77 rue de Siam', '29200', 'Brest', 48.3904, -4.4861],
  ['limoges', 'LIM-CENTR', 'Comptoir Limoges', 'city', '10 rue Jean Jaurès', '87000', 'Limoges', 45.8336, 1.2611, true],
  ['clermont-ferrand', 'CLF-HYPER', 'Comptoir Clermont-Ferrand', 'hyper', '4 place de Jaude', '63000', 'Clermont-Ferrand', 45.7772, 3.087],
  ['metz', 'MTZ-CENTR', 'Comptoir Metz', 'city', '25 rue Serpenoise', '57000', 'Metz', 49.1193, 6.1757],
  ['nancy', 'NCY-HYPER', 'Comptoir Nancy', 'hyper', '12 rue Saint-Jean', '54000', 'Nancy', 48.6921, 6.1844],
  ['orleans', 'ORL-CENTR', 'Comptoir Orléans', 'city', '33 rue de la République', '45000', 'Orléans', 47.903, 1.9093],
  ['perpignan', 'PGF-HYPER', 'Comptoir Perpignan', 'hyper', '2 avenue du Général Leclerc', '66000', 'Perpignan', 42.6887, 2.8948],
  ['pau', 'PAU-CENTR', 'Comptoir Pau', 'city', '19 rue Serviez', '64000', 'Pau', 43.2951, -0.3708, true],
  ['bayonne', 'BAY-CENTR', 'Comptoir Bayonne', 'city', '7 rue Port-Neuf', '64100', 'Bayonne', 43.4929, -1.4748, true],
  ['avignon', 'AVI-CENTR', 'Comptoir Avignon', 'city', '48 rue de la République', '84000', 'Avignon', 43.9493, 4.8055],
  ['annecy', 'ANN-CENTR', 'Comptoir Annecy', 'city', '6 rue Royale', '74000', 'Annecy', 45.8992, 6.1294, true],
  ['amiens', 'AMI-HYPER', 'Comptoir Amiens', 'hyper', '15 rue des Trois Cailloux', '80000', 'Amiens', 49.8941, 2.2958],
  ['le-mans', 'LMN-HYPER', 'Comptoir Le Mans', 'hyper', '3 avenue du Général de Gaulle', '72000', 'Le Mans', 48.0061, 0.1996],
  ['poitiers', 'POI-CENTR', 'Comptoir Poitiers', 'city', '21 rue des Cordeliers', '86000', 'Poitiers', 46.5802, 0.3404, true],
  ['la-rochelle', 'LRH-CENTR', 'Comptoir La Rochelle', 'city', '14 rue du Palais', '17000', 'La Rochelle', 46.1603, -1.1511, true],
  ['besancon', 'BES-HYPER', 'Comptoir Besançon', 'hyper', '11 Grande Rue', '25000', 'Besançon', 47.2378, 6.0241],
  ['mulhouse', 'MLH-CENTR', 'Comptoir Mulhouse', 'city', '8 rue du Sauvage', '68100', 'Mulhouse', 47.7508, 7.3359],
  ['saint-etienne', 'STE-HYPER', 'Comptoir Saint-Étienne', 'hyper', '26 avenue de la Libération', '42000', 'Saint-Étienne', 45.4397, 4.3872],
  ['toulon', 'TLN-HYPER', 'Comptoir Toulon', 'hyper', '5 boulevard de Strasbourg', '83000', 'Toulon', 43.1242, 5.928],
  ['nimes', 'NIM-CENTR', 'Comptoir Nîmes', 'city', '13 rue de l\u2019Aspic', '30000', 'Nîmes', 43.8367, 4.3601],
  ['valence', 'VAL-CENTR', 'Comptoir Valence', 'city', '40 Grande Rue', '26000', 'Valence', 44.9334, 4.8924, true],
  ['chambery', 'CHY-CENTR', 'Comptoir Chambéry', 'city', '9 rue de Boigne', '73000', 'Chambéry', 45.5646, 5.9178, true],
];

export const DEMO_STORES: readonly StoreSeed[] = ROWS.map(([slug, code, name, format, address, postcode, town, lat, lng, small]) => ({
  slug,
  code,
  name,
  format,
  address,
  postcode,
  town,
  lat,
  lng,
  small,
}));

/** First two digits of a French landline by department: 01 Île-de-France … 05 south-west. */
export function phonePrefix(postcode: string): string {
  const dept = Number(postcode.slice(0, 2));
  if ([75, 77, 78, 91, 92, 93, 94, 95].includes(dept)) return '01';
  if ([14, 18, 22, 27, 28, 29, 35, 36, 37, 41, 44, 45, 49, 50, 53, 56, 61, 72, 76, 85].includes(dept)) return '02';
  if ([2, 8, 10, 21, 25, 39, 51, 52, 54, 55, 57, 58, 59, 60, 62, 67, 68, 70, 71, 80, 88, 89, 90].includes(dept)) return '03';
  if ([9, 12, 16, 17, 19, 23, 24, 31, 32, 33, 40, 46, 47, 64, 65, 79, 81, 82, 86, 87].includes(dept)) return '05';
  return '04';
}
