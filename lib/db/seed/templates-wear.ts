import { CLOTHING_SIZES, KID_SHOE_SIZES, SHOE_SIZES, type ProductTemplate } from './catalog-types';

// Every shoe says "chaussures" in French and "shoes" in English, so both searches find it.
export const WEAR_TEMPLATES: readonly ProductTemplate[] = [
  {
    category: 'chaussures', kind: 'chaussures-randonnee', count: 5,
    names: [
      ['Chaussures de randonnée imperméables', 'Waterproof hiking shoes'],
      ['Chaussures de randonnée montantes', 'Mid-cut hiking shoes'],
      ['Chaussures de randonnée légères', 'Lightweight hiking shoes'],
    ],
    brands: ['Alpéa', 'Sentier', 'Haut-Col'], models: ['Crête 500', 'Vallon', 'Cime 900', 'Combe 300', 'Ubaye'],
    desc: [
      'Conçues pour les sentiers, les chaussures {brand} {model} associent une membrane imperméable et une semelle crantée.',
      'Built for the trail, the {brand} {model} shoes pair a waterproof membrane with a lugged outsole.',
    ],
    sizes: SHOE_SIZES, colours: ['grey', 'navy', 'green', 'black', 'beige'], maxColours: 2, price: [4999, 12999],
  },
  {
    category: 'chaussures', kind: 'chaussures-running', count: 5,
    names: [
      ['Chaussures de running amorties', 'Cushioned running shoes'],
      ['Chaussures de trail', 'Trail running shoes'],
    ],
    brands: ['Foulée', 'Rebond', 'Brisant'], models: ['Élan 2', 'Tempo', 'Azur Run', 'Kilomètre', 'Volta'],
    desc: [
      'Les chaussures {brand} {model} offrent un amorti réactif pour vos sorties de 5 à 20 km.',
      'The {brand} {model} shoes give responsive cushioning for 5 to 20 km runs.',
    ],
    sizes: SHOE_SIZES, colours: ['black', 'white', 'blue', 'red', 'yellow', 'pink'], maxColours: 3, price: [3999, 11999],
  },
  {
    category: 'chaussures', kind: 'chaussures-ville', count: 4,
    names: [
      ['Chaussures de ville en cuir', 'Leather derby shoes'],
      ['Chaussures bateau en cuir', 'Leather boat shoes'],
    ],
    brands: ['Varenne', 'Maison Cordier'], models: ['Saint-Germain', 'Odéon', 'Rivage', 'Boulevard'],
    desc: [
      'Cousues main, les chaussures {brand} {model} sont taillées dans un cuir pleine fleur qui se patine avec le temps.',
      'Hand-stitched, the {brand} {model} shoes are cut from full-grain leather that ages beautifully.',
    ],
    sizes: SHOE_SIZES, colours: ['black', 'beige', 'navy'], maxColours: 2, price: [6999, 14999],
  },
  {
    category: 'chaussures', kind: 'chaussures-toile', count: 4,
    names: [
      ['Chaussures en toile basses', 'Low-top canvas shoes'],
      ['Chaussures en toile à scratch', 'Hook-and-loop canvas shoes'],
    ],
    brands: ['Pas Léger', 'Cotonnier'], models: ['Estran', 'Bastide', 'Canal', 'Guinguette'],
    desc: [
      'Légères et respirantes, les chaussures {brand} {model} ont une tige en toile de coton bio.',
      'Light and breathable, the {brand} {model} shoes have an organic cotton canvas upper.',
    ],
    sizes: SHOE_SIZES, colours: ['white', 'navy', 'red', 'green', 'beige', 'yellow'], maxColours: 3, price: [2499, 5999],
  },
  {
    category: 'chaussures', kind: 'chaussures-enfant', count: 3,
    names: [['Chaussures enfant à scratch', 'Kids\u2019 hook-and-loop shoes']],
    brands: ['Pas Léger', 'Petit Pas'], models: ['Marelle', 'Récré', 'Galopin'],
    desc: [
      'Faciles à enfiler seul, les chaussures {brand} {model} ont un bout renforcé pour la cour de récréation.',
      'Easy to put on alone, the {brand} {model} shoes have a reinforced toe for the playground.',
    ],
    sizes: KID_SHOE_SIZES, colours: ['blue', 'pink', 'red', 'grey'], maxColours: 2, price: [2499, 4499],
  },
  {
    category: 'vetements', kind: 'tshirt', count: 5,
    names: [['T-shirt en coton bio', 'Organic cotton T-shirt'], ['T-shirt col V', 'V-neck T-shirt']],
    brands: ['Cotonnier', 'Atelier Nord', 'Ligne Bleue'], models: ['Essentiel', 'Marinière', 'Quotidien', 'Pima', 'Loft'],
    desc: [
      'Le T-shirt {brand} {model} est tricoté dans un jersey de coton bio de 180 g/m².',
      'The {brand} {model} T-shirt is knitted from 180 g/m² organic cotton jersey.',
    ],
    sizes: CLOTHING_SIZES, colours: ['white', 'black', 'navy', 'grey', 'red', 'green', 'yellow', 'pink'], maxColours: 3, price: [999, 1999],
  },
  {
    category: 'vetements', kind: 'sweat', count: 4,
    names: [['Sweat à capuche', 'Hooded sweatshirt'], ['Sweat col rond molletonné', 'Fleece crew-neck sweatshirt']],
    brands: ['Atelier Nord', 'Cotonnier'], models: ['Dimanche', 'Brume', 'Canopée', 'Falaise'],
    desc: [
      'Doux et chaud, le sweat {brand} {model} est gratté à l\u2019intérieur et doté d\u2019une poche kangourou.',
      'Soft and warm, the {brand} {model} sweatshirt is brushed inside with a kangaroo pocket.',
    ],
    sizes: CLOTHING_SIZES, colours: ['grey', 'navy', 'black', 'green', 'beige'], maxColours: 2, price: [2999, 5999],
  },
  {
    category: 'vetements', kind: 'veste', count: 4,
    names: [['Veste imperméable', 'Waterproof jacket'], ['Doudoune légère', 'Lightweight down jacket']],
    brands: ['Alpéa', 'Ligne Bleue', 'Haut-Col'], models: ['Averse', 'Mistral', 'Noroît', 'Grésil'],
    desc: [
      'La veste {brand} {model} coupe le vent et la pluie tout en restant respirante.',
      'The {brand} {model} jacket blocks wind and rain while staying breathable.',
    ],
    sizes: CLOTHING_SIZES, colours: ['navy', 'black', 'red', 'green', 'yellow'], maxColours: 2, price: [4999, 14999],
  },
  {
    category: 'vetements', kind: 'pantalon', count: 4,
    names: [['Jean coupe droite', 'Straight-leg jeans'], ['Pantalon chino', 'Chino trousers']],
    brands: ['Ligne Bleue', 'Atelier Nord'], models: ['Indigo 501', 'Faubourg', 'Quai', 'Rive'],
    desc: [
      'Le pantalon {brand} {model} est taillé dans un denim stretch confortable du matin au soir.',
      'The {brand} {model} trousers are cut from stretch denim that stays comfortable all day.',
    ],
    sizes: CLOTHING_SIZES, colours: ['navy', 'blue', 'beige', 'black'], maxColours: 2, price: [2999, 7999],
  },
  {
    category: 'vetements', kind: 'chemise', count: 3,
    names: [['Chemise en lin', 'Linen shirt'], ['Chemise oxford', 'Oxford shirt']],
    brands: ['Varenne', 'Cotonnier'], models: ['Riviera', 'Cap Ferret', 'Oxford'],
    desc: [
      'La chemise {brand} {model} en lin lavé reste fraîche même en plein été.',
      'The {brand} {model} shirt in washed linen stays cool even in midsummer.',
    ],
    sizes: CLOTHING_SIZES, colours: ['white', 'blue', 'beige', 'pink'], maxColours: 3, price: [3499, 6999],
  },
  {
    category: 'sport', kind: 'ballon', count: 3,
    names: [['Ballon de football', 'Football'], ['Ballon de basket', 'Basketball']],
    brands: ['Rebond', 'Brisant'], models: ['Match Pro', 'Training', 'Street'],
    desc: [
      'Le ballon {brand} {model} garde sa pression et sa trajectoire match après match.',
      'The {brand} {model} ball keeps its pressure and flight game after game.',
    ],
    sizes: { labels: ['T4', 'T5'] }, colours: ['white', 'yellow', 'red'], maxColours: 1, price: [999, 3999],
  },
  {
    category: 'sport', kind: 'raquette', count: 3,
    names: [['Raquette de tennis', 'Tennis racket'], ['Raquette de badminton', 'Badminton racket']],
    brands: ['Rebond', 'Smash'], models: ['Ace 100', 'Volée', 'Lob 260'],
    desc: [
      'Équilibrée et maniable, la raquette {brand} {model} pardonne les coups décentrés.',
      'Balanced and easy to handle, the {brand} {model} racket forgives off-centre hits.',
    ],
    colours: ['black', 'blue', 'red', 'green'], maxColours: 2, price: [1999, 8999],
  },
  {
    category: 'sport', kind: 'halteres', count: 3,
    names: [['Haltères réglables', 'Adjustable dumbbells'], ['Kettlebell en fonte', 'Cast-iron kettlebell']],
    brands: ['Brisant', 'Fortis'], models: ['Home Gym', 'Force', 'Cross'],
    desc: [
      'Avec les haltères {brand} {model}, renforcez-vous à la maison sans encombrer le salon.',
      'With the {brand} {model} weights you can train at home without cluttering the living room.',
    ],
    sizes: { labels: ['4 kg', '8 kg', '12 kg'], step: 1500 }, price: [1999, 3999],
  },
  {
    category: 'sport', kind: 'tapis-yoga', count: 3,
    names: [['Tapis de yoga antidérapant', 'Non-slip yoga mat']],
    brands: ['Zénith', 'Lotus Bleu'], models: ['Souffle', 'Ancrage', 'Nuage'],
    desc: [
      'Le tapis {brand} {model} de 6 mm amortit les genoux et accroche même en sueur.',
      'The 6 mm {brand} {model} mat cushions the knees and grips even when you sweat.',
    ],
    colours: ['green', 'blue', 'pink', 'grey', 'black'], maxColours: 3, price: [1999, 4999],
  },
  {
    category: 'sport', kind: 'tente', count: 3,
    names: [['Tente de camping', 'Camping tent'], ['Tente dôme', 'Dome tent']],
    brands: ['Alpéa', 'Bivouac'], models: ['Étoile', 'Refuge', 'Clairière'],
    desc: [
      'La tente {brand} {model} se monte en deux minutes et résiste aux rafales.',
      'The {brand} {model} tent pitches in two minutes and stands up to gusts.',
    ],
    sizes: { labels: ['2 places', '3 places', '4 places'], step: 3000 }, colours: ['green', 'beige'], maxColours: 1, price: [4999, 12999],
  },
  {
    category: 'sport', kind: 'gourde', count: 3,
    names: [['Gourde isotherme', 'Insulated water bottle']],
    brands: ['Zénith', 'Alpéa'], models: ['Source', 'Glacier', 'Ruisseau'],
    desc: [
      'La gourde {brand} {model} garde l\u2019eau fraîche 24 heures et le thé chaud 12 heures.',
      'The {brand} {model} bottle keeps water cold for 24 hours and tea hot for 12.',
    ],
    sizes: { labels: ['500 ml', '750 ml', '1 L'], step: 300 }, colours: ['blue', 'green', 'black', 'pink', 'white'], maxColours: 2, price: [1499, 2999],
  },
];
