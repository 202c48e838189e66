import type { ProductTemplate } from './catalog-types';

export const HOME_TEMPLATES: readonly ProductTemplate[] = [
  {
    category: 'maison', kind: 'lampe', count: 4,
    names: [['Lampe à poser', 'Table lamp'], ['Lampadaire', 'Floor lamp']],
    brands: ['Lumio', 'Maison Ormeau'], models: ['Halo', 'Phare', 'Luciole', 'Aube'],
    desc: [
      'La lampe {brand} {model} diffuse une lumière douce et chaude, idéale pour lire le soir.',
      'The {brand} {model} lamp gives a soft, warm light that is perfect for evening reading.',
    ],
    colours: ['white', 'black', 'yellow', 'green'], maxColours: 2, price: [2999, 12999],
  },
  {
    category: 'maison', kind: 'coussin', count: 4,
    names: [['Coussin en velours', 'Velvet cushion'], ['Coussin en lin lavé', 'Washed linen cushion']],
    brands: ['Maison Ormeau', 'Cotonnier'], models: ['Douceur', 'Sieste', 'Alcôve', 'Boudoir'],
    desc: [
      'Le coussin {brand} {model} de 45 × 45 cm a une housse déhoussable et un garnissage moelleux.',
      'The 45 × 45 cm {brand} {model} cushion has a removable cover and a plump filling.',
    ],
    colours: ['beige', 'green', 'pink', 'navy', 'yellow', 'grey'], maxColours: 3, price: [1499, 3499],
  },
  {
    category: 'maison', kind: 'plaid', count: 3,
    names: [['Plaid en laine', 'Wool throw'], ['Plaid polaire', 'Fleece throw']],
    brands: ['Maison Ormeau', 'Atelier Nord'], models: ['Cocon', 'Veillée', 'Chalet'],
    desc: [
      'Le plaid {brand} {model} de 130 × 170 cm réchauffe le canapé tout l\u2019hiver.',
      'The 130 × 170 cm {brand} {model} throw keeps the sofa warm all winter.',
    ],
    colours: ['grey', 'beige', 'red', 'navy'], maxColours: 2, price: [2499, 7999],
  },
  {
    category: 'maison', kind: 'bougie', count: 3,
    names: [['Bougie parfumée', 'Scented candle']],
    brands: ['Maison Ormeau', 'Savonnerie du Lac'], models: ['Figuier', 'Bois de cèdre', 'Fleur d\u2019oranger'],
    desc: [
      'Coulée à la main, la bougie {brand} {model} en cire végétale brûle proprement pendant 40 heures.',
      'Hand-poured, the {brand} {model} candle in plant wax burns cleanly for 40 hours.',
    ],
    sizes: { labels: ['180 g', '300 g'], step: 800 }, price: [1499, 2499],
  },
  {
    category: 'maison', kind: 'vase', count: 2,
    names: [['Vase en céramique', 'Ceramic vase']],
    brands: ['Terre & Feu'], models: ['Galet', 'Amphore'],
    desc: [
      'Tourné à la main, le vase {brand} {model} met en valeur un simple bouquet des champs.',
      'Hand-thrown, the {brand} {model} vase shows off a simple bunch of wild flowers.',
    ],
    colours: ['white', 'blue', 'green', 'beige'], maxColours: 2, price: [1999, 4999],
  },
  {
    category: 'cuisine', kind: 'poele', count: 4,
    names: [['Poêle antiadhésive', 'Non-stick frying pan'], ['Poêle en acier', 'Carbon steel frying pan']],
    brands: ['Cuivrerie Dumas', 'Batteur'], models: ['Chef', 'Bistrot', 'Tradition', 'Saisie'],
    desc: [
      'La poêle {brand} {model} chauffe vite et uniformément pour des cuissons saisies.',
      'The {brand} {model} pan heats quickly and evenly for a perfect sear.',
    ],
    sizes: { labels: ['20 cm', '24 cm', '28 cm'], step: 500 }, price: [1999, 5999],
  },
  {
    category: 'cuisine', kind: 'casserole', count: 3,
    names: [['Casserole en inox', 'Stainless steel saucepan'], ['Cocotte en fonte', 'Cast-iron casserole dish']],
    brands: ['Cuivrerie Dumas', 'Batteur'], models: ['Mijot', 'Grand-mère', 'Fondant'],
    desc: [
      'La {model} de {brand} conserve la chaleur pour des plats mijotés fondants.',
      'The {brand} {model} holds its heat for tender slow-cooked dishes.',
    ],
    sizes: { labels: ['16 cm', '20 cm', '24 cm'], step: 1000 }, colours: ['red', 'black', 'grey'], maxColours: 1, price: [2999, 8999],
  },
  {
    category: 'cuisine', kind: 'bouilloire', count: 3,
    names: [['Bouilloire électrique', 'Electric kettle'], ['Bouilloire à température réglable', 'Variable-temperature kettle']],
    brands: ['Batteur', 'Lumio'], models: ['Infusion', 'Vapeur 1,7 L', 'Matin'],
    desc: [
      'La bouilloire {brand} {model} fait chauffer 1,7 litre d\u2019eau en moins de quatre minutes.',
      'The {brand} {model} kettle boils 1.7 litres of water in under four minutes.',
    ],
    price: [2999, 6999],
  },
  {
    category: 'cuisine', kind: 'couteau', count: 3,
    names: [['Couteau de chef', 'Chef\u2019s knife'], ['Couteau d\u2019office', 'Paring knife']],
    brands: ['Coutellerie Thiers-Durand', 'Batteur'], models: ['Damas 20', 'Office 9', 'Santoku'],
    desc: [
      'Forgé d\u2019une seule pièce, le couteau {brand} {model} garde son tranchant longtemps.',
      'Forged in one piece, the {brand} {model} knife holds its edge for a long time.',
    ],
    price: [1999, 8999],
  },
  {
    category: 'cuisine', kind: 'mug', count: 3,
    names: [['Mug en grès', 'Stoneware mug']],
    brands: ['Terre & Feu', 'Maison Ormeau'], models: ['Petit-déjeuner', 'Atelier', 'Pause'],
    desc: [
      'Émaillé à la main, le mug {brand} {model} contient 35 cl et passe au micro-ondes.',
      'Hand-glazed, the {brand} {model} mug holds 350 ml and is microwave safe.',
    ],
    colours: ['white', 'blue', 'green', 'yellow', 'pink'], maxColours: 3, price: [799, 1599],
  },
  {
    category: 'jardin', kind: 'plante', count: 4,
    names: [['Plante d\u2019intérieur en pot', 'Potted house plant']],
    brands: ['Verdure', 'Serre Bleue'], models: ['Monstera', 'Ficus', 'Pothos', 'Olivier nain'],
    desc: [
      'Livrée en pot de 17 cm, la plante {model} de {brand} apprécie la lumière sans soleil direct.',
      'Supplied in a 17 cm pot, the {brand} {model} likes bright light without direct sun.',
    ],
    sizes: { labels: ['40 cm', '70 cm'], step: 1500 }, price: [1499, 3999],
  },
  {
    category: 'jardin', kind: 'arrosoir', count: 3,
    names: [['Arrosoir', 'Watering can']],
    brands: ['Potager & Co', 'Verdure'], models: ['Pluie fine', 'Jardinier', 'Rosier'],
    desc: [
      'L\u2019arrosoir {brand} {model} est équipé d\u2019une pomme amovible pour les semis.',
      'The {brand} {model} watering can has a detachable rose for seedlings.',
    ],
    sizes: { labels: ['5 L', '10 L'], step: 500 }, colours: ['green', 'grey', 'yellow'], maxColours: 1, price: [999, 2999],
  },
  {
    category: 'jardin', kind: 'pelle', count: 3,
    names: [['Bêche forgée', 'Forged spade'], ['Pelle de jardin', 'Garden shovel']],
    brands: ['Potager & Co', 'Ferrox'], models: ['Labour', 'Terroir', 'Motte'],
    desc: [
      'Avec son manche en frêne, la {model} de {brand} retourne la terre sans effort.',
      'With its ash handle, the {brand} {model} turns the soil with little effort.',
    ],
    price: [1999, 4999],
  },
  {
    category: 'jardin', kind: 'chaise-jardin', count: 3,
    names: [['Chaise de jardin pliante', 'Folding garden chair'], ['Fauteuil de jardin', 'Garden armchair']],
    brands: ['Verdure', 'Terrasse'], models: ['Bistrot', 'Tonnelle', 'Riviera'],
    desc: [
      'La chaise {brand} {model} en métal laqué se plie pour passer l\u2019hiver au garage.',
      'The {brand} {model} chair in lacquered metal folds flat to winter in the garage.',
    ],
    colours: ['green', 'white', 'blue', 'yellow', 'grey'], maxColours: 3, price: [2999, 8999],
  },
  {
    category: 'bricolage', kind: 'perceuse', count: 4,
    names: [['Perceuse-visseuse sans fil', 'Cordless drill driver'], ['Perceuse à percussion', 'Hammer drill']],
    brands: ['Ferrox', 'Outilia'], models: ['18V Pro', 'Compact 12V', 'Brushless 18V', 'Maison'],
    desc: [
      'La perceuse {brand} {model} visse, perce le bois, le métal et la brique.',
      'The {brand} {model} drill drives screws and drills wood, metal and brick.',
    ],
    sizes: { labels: ['1 batterie', '2 batteries'], step: 4000 }, price: [4999, 17999],
  },
  {
    category: 'bricolage', kind: 'marteau', count: 3,
    names: [['Marteau de charpentier', 'Claw hammer'], ['Massette', 'Club hammer']],
    brands: ['Ferrox', 'Outilia'], models: ['Arrache-clou', 'Charpente', 'Poigne'],
    desc: [
      'Le marteau {brand} {model} à manche antivibration ménage votre bras.',
      'The {brand} {model} hammer has an anti-vibration handle that spares your arm.',
    ],
    price: [1299, 3999],
  },
  {
    category: 'bricolage', kind: 'tournevis', count: 3,
    names: [['Coffret de tournevis', 'Screwdriver set'], ['Tournevis de précision', 'Precision screwdriver set']],
    brands: ['Outilia', 'Ferrox'], models: ['Atelier 12', 'Horloger', 'Mécano 24'],
    desc: [
      'Le coffret {brand} {model} réunit les empreintes plates, cruciformes et Torx du quotidien.',
      'The {brand} {model} set covers the everyday flat, Phillips and Torx heads.',
    ],
    price: [1499, 4999],
  },
  {
    category: 'bricolage', kind: 'escabeau', count: 2,
    names: [['Escabeau en aluminium', 'Aluminium step ladder']],
    brands: ['Outilia', 'Hauteur'], models: ['Palier', 'Plafond'],
    desc: [
      'Léger et stable, l\u2019escabeau {brand} {model} se range à plat derrière une porte.',
      'Light and stable, the {brand} {model} step ladder folds flat behind a door.',
    ],
    sizes: { labels: ['3 marches', '5 marches'], step: 3000 }, price: [3999, 8999],
  },
  {
    category: 'bricolage', kind: 'peinture', count: 3,
    names: [['Peinture acrylique murs et plafonds', 'Acrylic wall and ceiling paint']],
    brands: ['Couleurs de France', 'Outilia'], models: ['Mat velouté', 'Satin', 'Lessivable'],
    desc: [
      'La peinture {brand} {model} couvre en deux couches et sèche en une heure.',
      'The {brand} {model} paint covers in two coats and dries in an hour.',
    ],
    sizes: { labels: ['500 ml', '2,5 L', '10 L'], step: 2500 }, colours: ['white', 'beige', 'blue', 'green', 'grey', 'pink'], maxColours: 3, price: [1299, 2999],
  },
];
