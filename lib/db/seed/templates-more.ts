import type { ProductTemplate } from './catalog-types';

export const MORE_TEMPLATES: readonly ProductTemplate[] = [
  {
    category: 'high-tech', kind: 'casque', count: 4,
    names: [['Casque audio sans fil', 'Wireless headphones'], ['Casque à réduction de bruit', 'Noise-cancelling headphones']],
    brands: ['Sonora', 'Pixelle'], models: ['Studio 700', 'Nomade', 'Silence', 'Écho'],
    desc: [
      'Le casque {brand} {model} offre 30 heures d\u2019écoute et un son équilibré.',
      'The {brand} {model} headphones give 30 hours of listening and a balanced sound.',
    ],
    colours: ['black', 'white', 'navy', 'beige'], maxColours: 2, price: [4999, 29999],
  },
  {
    category: 'high-tech', kind: 'enceinte', count: 3,
    names: [['Enceinte Bluetooth portable', 'Portable Bluetooth speaker']],
    brands: ['Sonora'], models: ['Galet', 'Plein Air', 'Fiesta'],
    desc: [
      'Étanche et robuste, l\u2019enceinte {brand} {model} vous suit à la plage comme en randonnée.',
      'Waterproof and rugged, the {brand} {model} speaker goes to the beach and on hikes.',
    ],
    colours: ['black', 'blue', 'red', 'green'], maxColours: 3, price: [2999, 14999],
  },
  {
    category: 'high-tech', kind: 'televiseur', count: 3,
    names: [['Téléviseur 4K UHD', '4K UHD television'], ['Téléviseur OLED', 'OLED television']],
    brands: ['Pixelle', 'Visio'], models: ['Cinéma', 'Salon Q7', 'Horizon'],
    desc: [
      'Le téléviseur {brand} {model} affiche des noirs profonds et des couleurs fidèles, même en plein jour.',
      'The {brand} {model} TV shows deep blacks and true colours, even in daylight.',
    ],
    sizes: { labels: ['43"', '55"', '65"'], step: 20000 }, price: [29900, 59900],
  },
  {
    category: 'high-tech', kind: 'console', count: 3,
    names: [['Manette de jeu sans fil', 'Wireless game controller'], ['Console de jeu portable', 'Handheld games console']],
    brands: ['Pixelle', 'Arcadia'], models: ['Pro Pad', 'Rétro', 'Turbo'],
    desc: [
      'La {model} de {brand} tient bien en main et fonctionne sur PC, tablette et téléviseur.',
      'The {brand} {model} sits well in the hand and works with PC, tablet and TV.',
    ],
    colours: ['black', 'white', 'red', 'blue'], maxColours: 2, price: [3999, 24999],
  },
  {
    category: 'high-tech', kind: 'smartphone', count: 3,
    names: [['Smartphone', 'Smartphone'], ['Smartphone reconditionné', 'Refurbished smartphone']],
    brands: ['Pixelle', 'Visio'], models: ['P8', 'Lite 5G', 'Max'],
    desc: [
      'Le smartphone {brand} {model} a un écran de 6,5 pouces et une batterie qui tient deux jours.',
      'The {brand} {model} smartphone has a 6.5-inch screen and a battery that lasts two days.',
    ],
    sizes: { labels: ['128 Go', '256 Go'], step: 8000 }, colours: ['black', 'white', 'blue', 'pink'], maxColours: 2, price: [19900, 69900],
  },
  {
    category: 'jouets', kind: 'peluche', count: 4,
    names: [['Peluche ours', 'Teddy bear'], ['Peluche lapin', 'Plush rabbit']],
    brands: ['Ourson Doré', 'Câlin & Cie'], models: ['Gaspard', 'Nina', 'Pompon', 'Biscuit'],
    desc: [
      'Tout doux, {model} de {brand} accompagne les enfants dès la naissance.',
      'Super soft, {model} by {brand} is a friend from birth.',
    ],
    sizes: { labels: ['25 cm', '40 cm'], step: 1000 }, colours: ['beige', 'grey', 'pink', 'white'], maxColours: 2, price: [1499, 2999],
  },
  {
    category: 'jouets', kind: 'jeu-construction', count: 3,
    names: [['Jeu de construction en bois', 'Wooden building blocks'], ['Briques de construction', 'Building bricks set']],
    brands: ['Bricabloc', 'Petit Architecte'], models: ['Château', 'Village', 'Grue'],
    desc: [
      'Le coffret {brand} {model} stimule la créativité et la motricité fine.',
      'The {brand} {model} set builds creativity and fine motor skills.',
    ],
    sizes: { labels: ['50 pièces', '120 pièces'], step: 1500 }, price: [1999, 4999],
  },
  {
    category: 'jouets', kind: 'voiture', count: 3,
    names: [['Voiture télécommandée', 'Remote-control car'], ['Petite voiture en bois', 'Wooden toy car']],
    brands: ['Turbo Kids', 'Bricabloc'], models: ['Rallye', 'Bolide', 'Dépanneuse'],
    desc: [
      'La voiture {brand} {model} roule partout grâce à ses gros pneus tout-terrain.',
      'The {brand} {model} car goes anywhere on its big all-terrain tyres.',
    ],
    colours: ['red', 'blue', 'yellow', 'green'], maxColours: 2, price: [1499, 5999],
  },
  {
    category: 'jouets', kind: 'puzzle', count: 3,
    names: [['Puzzle', 'Jigsaw puzzle']],
    brands: ['Petit Architecte', 'Mosaïque'], models: ['Carte de France', 'Fonds marins', 'Ferme'],
    desc: [
      'Le puzzle {brand} {model} aux pièces épaisses s\u2019assemble en famille.',
      'The {brand} {model} jigsaw with thick pieces is one to do as a family.',
    ],
    sizes: { labels: ['100 pièces', '500 pièces', '1000 pièces'], step: 500 }, price: [999, 1999],
  },
  {
    category: 'jouets', kind: 'jeu-societe', count: 3,
    names: [['Jeu de société', 'Board game']],
    brands: ['Mosaïque', 'Dés & Cie'], models: ['Les Explorateurs', 'Trésor', 'Petits Chevaux'],
    desc: [
      'Le jeu {brand} {model} se joue de 2 à 6 joueurs en 30 minutes.',
      'The {brand} {model} game is for 2 to 6 players and takes 30 minutes.',
    ],
    price: [1999, 3999],
  },
  {
    category: 'beaute', kind: 'parfum', count: 3,
    names: [['Eau de parfum', 'Eau de parfum'], ['Eau de toilette', 'Eau de toilette']],
    brands: ['Éclat', 'Maison Grasse'], models: ['Néroli', 'Iris', 'Vétiver'],
    desc: [
      'L\u2019eau {model} de {brand} mêle des notes fraîches d\u2019agrumes à un fond boisé.',
      '{model} by {brand} blends fresh citrus notes with a woody base.',
    ],
    sizes: { labels: ['30 ml', '50 ml', '100 ml'], step: 2000 }, price: [2999, 6999],
  },
  {
    category: 'beaute', kind: 'creme', count: 4,
    names: [['Crème hydratante visage', 'Moisturising face cream'], ['Baume mains', 'Hand balm']],
    brands: ['Savonnerie du Lac', 'Éclat'], models: ['Karité', 'Aloe', 'Rose', 'Calendula'],
    desc: [
      'La crème {brand} {model} pénètre vite et hydrate la peau toute la journée.',
      'The {brand} {model} cream absorbs quickly and moisturises all day.',
    ],
    sizes: { labels: ['50 ml', '100 ml'], step: 600 }, price: [999, 2999],
  },
  {
    category: 'beaute', kind: 'shampooing', count: 3,
    names: [['Shampooing doux', 'Gentle shampoo'], ['Gel douche', 'Shower gel']],
    brands: ['Savonnerie du Lac'], models: ['Amande', 'Verveine', 'Lavande'],
    desc: [
      'Le soin {brand} {model} lave en douceur et laisse un parfum délicat.',
      'The {brand} {model} wash cleans gently and leaves a delicate scent.',
    ],
    sizes: { labels: ['250 ml', '500 ml'], step: 300 }, price: [499, 999],
  },
  {
    category: 'beaute', kind: 'rouge', count: 3,
    names: [['Rouge à lèvres satiné', 'Satin lipstick']],
    brands: ['Éclat'], models: ['Coquelicot', 'Pivoine', 'Framboise'],
    desc: [
      'Le rouge {brand} {model} tient huit heures sans dessécher les lèvres.',
      'The {brand} {model} lipstick lasts eight hours without drying the lips.',
    ],
    colours: ['red', 'pink', 'beige'], maxColours: 3, price: [1299, 2499],
  },
  {
    category: 'epicerie-fine', kind: 'chocolat', count: 4,
    names: [['Tablette de chocolat noir', 'Dark chocolate bar'], ['Tablette de chocolat au lait', 'Milk chocolate bar']],
    brands: ['Cacaotier', 'Maison Praline'], models: ['72 % Pérou', 'Noisettes', 'Fleur de sel', '85 % Équateur'],
    desc: [
      'La tablette {brand} {model} de 100 g est travaillée à partir de fèves fermentées lentement.',
      'The 100 g {brand} {model} bar is made from slowly fermented beans.',
    ],
    price: [349, 699],
  },
  {
    category: 'epicerie-fine', kind: 'cafe', count: 3,
    names: [['Café en grains', 'Coffee beans'], ['Café moulu', 'Ground coffee']],
    brands: ['Moulin Castel', 'Torréfaction Brune'], models: ['Éthiopie Moka', 'Brésil', 'Espresso maison'],
    desc: [
      'Torréfié en petits lots, le café {brand} {model} révèle des notes de fruits rouges et de cacao.',
      'Roasted in small batches, the {brand} {model} coffee shows notes of red fruit and cocoa.',
    ],
    sizes: { labels: ['250 g', '1 kg'], step: 1500 }, price: [699, 1299],
  },
  {
    category: 'epicerie-fine', kind: 'huile', count: 3,
    names: [['Huile d\u2019olive vierge extra', 'Extra virgin olive oil']],
    brands: ['Terroirs d\u2019Antan', 'Oliveraie du Sud'], models: ['Fruité vert', 'Nyons', 'Baux-de-Provence'],
    desc: [
      'L\u2019huile {brand} {model} est pressée à froid dans les 24 heures après la récolte.',
      'The {brand} {model} oil is cold-pressed within 24 hours of harvest.',
    ],
    sizes: { labels: ['50 cl', '1 L'], step: 900 }, price: [1099, 1999],
  },
  {
    category: 'epicerie-fine', kind: 'confiture', count: 3,
    names: [['Confiture extra', 'Extra jam']],
    brands: ['Terroirs d\u2019Antan'], models: ['Abricot', 'Fraise', 'Figue'],
    desc: [
      'La confiture {brand} {model} est cuite en chaudron de cuivre avec 60 % de fruits.',
      'The {brand} {model} jam is cooked in a copper pan with 60% fruit.',
    ],
    price: [449, 799],
  },
  {
    category: 'epicerie-fine', kind: 'the', count: 3,
    names: [['Thé en vrac', 'Loose-leaf tea']],
    brands: ['Maison Théière', 'Moulin Castel'], models: ['Earl Grey', 'Sencha', 'Rooibos vanille'],
    desc: [
      'Le thé {brand} {model} se déguste nature, infusé trois minutes.',
      'The {brand} {model} tea is best plain, brewed for three minutes.',
    ],
    sizes: { labels: ['100 g', '250 g'], step: 700 }, price: [899, 1499],
  },
  {
    category: 'epicerie-fine', kind: 'miel', count: 2,
    names: [['Miel de fleurs', 'Wildflower honey']],
    brands: ['Rucher des Cévennes'], models: ['Lavande', 'Châtaignier'],
    desc: [
      'Récolté en France, le miel {brand} {model} est crémeux et parfumé.',
      'Harvested in France, the {brand} {model} honey is creamy and fragrant.',
    ],
    sizes: { labels: ['250 g', '500 g'], step: 500 }, price: [699, 1199],
  },
];
