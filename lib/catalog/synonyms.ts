/**
 * Words that mean the same thing to a shopper, in French and in English: the shoppers' search
 * (lib/catalog/search.ts) looks for every word of a group when one is typed, both ways — « pull »
 * finds the sweatshirts, and so does "jumper".
 *
 * How to add one (staff, a pull request):
 * - a word or phrase a shopper types goes in the group of the products it should find, in the
 *   list of its language (`fr` or `en`); a new kind of product gets a group of its own;
 * - write words as a shopper would, accents or not, singular (« basket », not « baskets »: plurals,
 *   accents and capitals are folded before the lookup), a phrase with spaces (« chaussure de sport »)
 *   or a hyphen as it is printed on the products (« t-shirt »);
 * - each word is searched in the product names of its language only, so an English "sweater" does
 *   not find the yoga mat whose English description says it grips "even when you sweat";
 * - keep a group to one kind of product: a word in two groups finds both (« casserole » is a
 *   saucepan in French, a cooking pot in English — it sits with the saucepans only), and a word
 *   that also names another kind of product (« portable », « rouge ») stays out, or goes in
 *   `typed` (see below);
 * - run `npx vitest run lib/catalog/search-relevance.test.ts`, and add the query to
 *   lib/catalog/search-relevance.ts with the products it must find.
 */
export interface SynonymGroup {
  fr: readonly string[];
  en: readonly string[];
  /**
   * Words that lead to this group when typed but are not looked for themselves, because they also
   * name another kind of product: « basket » is a sneaker to a shopper, and a word of « Ballon de
   * basket »; typed, it finds the sneakers (and « ballon de basket » the balls).
   */
  typed?: readonly string[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  // Clothes
  {
    fr: ['pull', 'sweat', 'sweat-shirt', 'sweat shirt', 'sweatshirt', 'pullover', 'hoodie', 'sweat à capuche'],
    en: ['jumper', 'sweater', 'sweatshirt', 'sweat-shirt', 'pullover', 'hoodie', 'hooded sweatshirt'],
  },
  { fr: ['polaire', 'molleton', 'molletonné'], en: ['fleece'] },
  { fr: ['capuche'], en: ['hooded', 'hood'] },
  { fr: ['tee-shirt', 't-shirt', 'tee shirt', 'teeshirt', 'tshirt', 'tee'], en: ['t-shirt', 'tee', 'tshirt', 'tee shirt'] },
  { fr: ['veste', 'blouson', 'manteau', 'parka', 'coupe-vent', 'k-way', 'anorak'], en: ['jacket', 'coat', 'raincoat', 'parka', 'windbreaker', 'anorak'] },
  { fr: ['doudoune'], en: ['down jacket', 'puffer', 'puffer jacket'] },
  { fr: ['pantalon', 'chino', 'jean'], en: ['trousers', 'pants', 'chino', 'jeans'] },
  { fr: ['jean', 'denim'], en: ['jeans', 'denim'] },
  { fr: ['chemise', 'chemisette'], en: ['linen shirt', 'oxford shirt', 'dress shirt', 'button-down shirt'] },
  // Shoes
  {
    fr: ['sneaker', 'chaussure de sport', 'chaussure de running', 'chaussure de trail', 'chaussure en toile', 'tennis en toile'],
    en: ['sneaker', 'trainer', 'sports shoe', 'running shoe', 'trail running shoe', 'canvas shoe'],
    typed: ['basket'],
  },
  { fr: ['chaussure en toile', 'tennis en toile', 'toile'], en: ['canvas shoe', 'canvas'], typed: ['basket en toile'] },
  { fr: ['running', 'chaussure de course', 'course à pied', 'jogging', 'trail'], en: ['running', 'jogging', 'trail'] },
  { fr: ['randonnée', 'rando', 'trek', 'trekking', 'chaussure de marche'], en: ['hiking', 'hike', 'trekking', 'walking boot', 'hiking boot'] },
  { fr: ['montante', 'bottine', 'boots'], en: ['mid-cut', 'boot', 'ankle boot'] },
  { fr: ['chaussure de ville', 'derby', 'richelieu', 'mocassin', 'chaussure bateau'], en: ['derby', 'brogue', 'loafer', 'boat shoe', 'dress shoe'] },
  { fr: ['scratch', 'velcro'], en: ['hook-and-loop', 'velcro'] },
  { fr: ['enfant', 'enfants', 'bébé', 'junior'], en: ['kid', 'kids', 'child', 'children', 'junior'] },
  // Sport
  { fr: ['ballon de foot', 'ballon de football', 'foot', 'football'], en: ['football', 'soccer ball', 'soccer'] },
  { fr: ['ballon de basket', 'basket-ball', 'basketball'], en: ['basketball'], typed: ['ballon basket'] },
  { fr: ['raquette'], en: ['racket', 'racquet'] },
  { fr: ['haltère', 'kettlebell', 'musculation', 'poids'], en: ['dumbbell', 'kettlebell', 'weights'] },
  { fr: ['tapis de yoga', 'tapis de sol', 'tapis de gym', 'tapis de pilates', 'yoga'], en: ['yoga mat', 'exercise mat', 'gym mat', 'yoga'] },
  { fr: ['tente', 'camping'], en: ['tent', 'camping'] },
  { fr: ['gourde', 'bouteille isotherme', 'thermos', 'bouteille d’eau'], en: ['water bottle', 'bottle', 'flask', 'thermos'] },
  // Home
  { fr: ['lampe', 'luminaire', 'lampadaire', 'lampe de chevet', 'lampe de bureau'], en: ['lamp', 'floor lamp', 'table lamp', 'bedside lamp'] },
  { fr: ['coussin'], en: ['cushion', 'pillow'] },
  { fr: ['plaid', 'couverture', 'jeté de canapé'], en: ['throw', 'blanket'] },
  { fr: ['bougie'], en: ['candle'] },
  { fr: ['vase'], en: ['vase'] },
  // Kitchen
  { fr: ['poêle', 'poêle à frire'], en: ['frying pan', 'skillet', 'pan'] },
  { fr: ['casserole'], en: ['saucepan'] },
  { fr: ['cocotte', 'faitout', 'marmite', 'cocotte en fonte'], en: ['casserole dish', 'dutch oven', 'stockpot'] },
  { fr: ['bouilloire'], en: ['kettle'] },
  { fr: ['couteau', 'couteau de cuisine'], en: ['knife', 'kitchen knife'] },
  { fr: ['mug', 'tasse'], en: ['mug', 'cup'] },
  // Garden
  { fr: ['plante', 'plante verte', 'plante d’intérieur'], en: ['plant', 'house plant', 'houseplant'] },
  { fr: ['arrosoir'], en: ['watering can'] },
  { fr: ['pelle', 'bêche'], en: ['shovel', 'spade'] },
  {
    fr: ['chaise de jardin', 'fauteuil de jardin', 'salon de jardin', 'mobilier de jardin', 'chaise pliante'],
    en: ['garden chair', 'garden armchair', 'patio chair', 'garden furniture', 'folding chair'],
  },
  // DIY
  {
    fr: ['perceuse', 'visseuse', 'perceuse-visseuse', 'perceuse visseuse', 'visseuse-dévisseuse'],
    en: ['drill', 'drill driver', 'power drill', 'cordless drill', 'screw gun'],
  },
  { fr: ['marteau', 'massette'], en: ['hammer', 'mallet'] },
  { fr: ['tournevis'], en: ['screwdriver'] },
  { fr: ['escabeau', 'échelle', 'marchepied'], en: ['ladder', 'step ladder', 'stepladder'] },
  { fr: ['peinture', 'peinture murale'], en: ['paint', 'wall paint'] },
  // High-tech
  { fr: ['casque', 'casque audio', 'écouteurs'], en: ['headphones', 'headset', 'earphones'] },
  { fr: ['enceinte', 'haut-parleur', 'enceinte bluetooth'], en: ['speaker', 'loudspeaker', 'bluetooth speaker'] },
  { fr: ['téléviseur', 'télé', 'télévision', 'tv', 'écran plat'], en: ['television', 'tv', 'telly', 'flat screen'] },
  { fr: ['console', 'console de jeu', 'manette', 'jeu vidéo', 'jeux vidéo'], en: ['console', 'games console', 'controller', 'gamepad', 'video game'] },
  {
    fr: ['smartphone', 'téléphone', 'téléphone portable', 'mobile', 'portable reconditionné'],
    en: ['smartphone', 'phone', 'mobile phone', 'cellphone', 'cell phone'],
  },
  { fr: ['reconditionné', 'occasion'], en: ['refurbished', 'second-hand', 'used'] },
  // Toys
  { fr: ['peluche', 'doudou', 'nounours', 'ours en peluche'], en: ['teddy', 'teddy bear', 'soft toy', 'plush', 'cuddly toy', 'stuffed animal'] },
  {
    fr: ['jeu de construction', 'brique', 'briques de construction', 'lego', 'cubes'],
    en: ['building blocks', 'building bricks', 'bricks', 'construction toy'],
  },
  { fr: ['voiture', 'petite voiture', 'voiturette'], en: ['car', 'toy car'] },
  { fr: ['télécommandée', 'téléguidée', 'radiocommandée'], en: ['remote-control', 'remote control', 'rc', 'radio-controlled'] },
  { fr: ['puzzle'], en: ['puzzle', 'jigsaw'] },
  { fr: ['jeu de société', 'jeu de plateau'], en: ['board game'] },
  // Beauty
  { fr: ['parfum', 'eau de parfum', 'eau de toilette'], en: ['perfume', 'fragrance', 'cologne'] },
  { fr: ['crème', 'crème hydratante', 'hydratant', 'soin visage'], en: ['cream', 'moisturiser', 'moisturizer', 'face cream'] },
  { fr: ['baume', 'crème mains'], en: ['balm', 'hand cream'] },
  { fr: ['shampooing', 'shampoing', 'shampoing doux'], en: ['shampoo'] },
  { fr: ['gel douche', 'savon liquide'], en: ['shower gel', 'body wash'] },
  { fr: ['rouge à lèvres', 'gloss'], en: ['lipstick'] },
  // Delicatessen
  { fr: ['chocolat', 'tablette de chocolat', 'cacao'], en: ['chocolate', 'chocolate bar'] },
  { fr: ['café', 'expresso', 'espresso'], en: ['coffee', 'espresso'] },
  { fr: ['huile d’olive', 'huile'], en: ['olive oil', 'oil'] },
  { fr: ['confiture', 'marmelade'], en: ['jam', 'marmalade', 'preserve'] },
  { fr: ['thé', 'infusion'], en: ['tea'] },
  { fr: ['miel'], en: ['honey'] },
];
