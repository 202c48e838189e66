import type { CategorySeed } from './catalog-types';

const WARRANTY = [
  ['Garantie 2 ans, pièces et main-d\u2019œuvre.', 'Two-year warranty, parts and labour.'],
  ['Emballage en carton recyclé, sans plastique.', 'Packed in recycled cardboard, plastic-free.'],
  ['Retour gratuit en magasin sous 30 jours.', 'Free returns in store within 30 days.'],
] as const;

export const CATEGORIES: readonly CategorySeed[] = [
  {
    slug: 'chaussures',
    nameFr: 'Chaussures',
    nameEn: 'Shoes',
    notes: [
      ['La semelle intérieure amovible épouse la voûte plantaire.', 'The removable insole follows the arch of the foot.'],
      ['Le chaussant est ajusté au talon et laisse de l\u2019aisance aux orteils.', 'The fit is snug at the heel with room for the toes.'],
      ['Des œillets renforcés tiennent le laçage toute la journée.', 'Reinforced eyelets keep the laces tight all day.'],
    ],
    closings: [['Prenez votre pointure habituelle.', 'Take your usual shoe size.'], ...WARRANTY.slice(1)],
  },
  {
    slug: 'vetements',
    nameFr: 'Vêtements',
    nameEn: 'Clothing',
    notes: [
      ['Les coutures plates évitent les frottements.', 'Flat seams prevent chafing.'],
      ['La coupe droite se porte aussi bien seule que sous une veste.', 'The straight cut works on its own or under a jacket.'],
      ['Le tissu garde sa forme après de nombreux lavages.', 'The fabric keeps its shape wash after wash.'],
    ],
    closings: [['Lavable en machine à 30 °C.', 'Machine washable at 30 °C.'], ['Taille normalement.', 'True to size.'], ...WARRANTY.slice(1)],
  },
  {
    slug: 'sport',
    nameFr: 'Sport',
    nameEn: 'Sports',
    notes: [
      ['Testé par nos équipes sur le terrain pendant une saison complète.', 'Field-tested by our team for a full season.'],
      ['Pensé pour débuter comme pour progresser.', 'Made for beginners and improvers alike.'],
      ['Les matériaux résistent à la pluie, à la boue et aux chocs.', 'The materials stand up to rain, mud and knocks.'],
    ],
    closings: WARRANTY,
  },
  {
    slug: 'maison',
    nameFr: 'Maison',
    nameEn: 'Home',
    notes: [
      ['Ses lignes sobres s\u2019accordent à tous les intérieurs.', 'Its simple lines suit any interior.'],
      ['Les finitions sont soignées jusque dans les détails.', 'Carefully finished down to the details.'],
      ['Un indispensable pour un salon chaleureux.', 'A must for a cosy living room.'],
    ],
    closings: WARRANTY,
  },
  {
    slug: 'cuisine',
    nameFr: 'Cuisine',
    nameEn: 'Kitchen',
    notes: [
      ['Compatible avec tous les feux, induction comprise.', 'Works on every hob, induction included.'],
      ['Se nettoie d\u2019un coup d\u2019éponge et passe au lave-vaisselle.', 'Wipes clean and is dishwasher safe.'],
      ['Choisi par des chefs pour un usage quotidien.', 'Chosen by chefs for everyday cooking.'],
    ],
    closings: WARRANTY,
  },
  {
    slug: 'jardin',
    nameFr: 'Jardin',
    nameEn: 'Garden',
    notes: [
      ['Résiste aux UV et au gel, il passe l\u2019hiver dehors.', 'UV- and frost-resistant, it can stay outside all winter.'],
      ['Idéal pour un balcon comme pour un grand potager.', 'Ideal for a balcony or a large vegetable patch.'],
      ['Sa poignée ergonomique ménage le poignet.', 'Its ergonomic handle is easy on the wrist.'],
    ],
    closings: WARRANTY,
  },
  {
    slug: 'bricolage',
    nameFr: 'Bricolage',
    nameEn: 'DIY',
    notes: [
      ['Robuste et précis, il suit les chantiers du week-end comme les gros travaux.', 'Sturdy and precise, it handles weekend jobs and big projects alike.'],
      ['Livré dans une mallette de rangement.', 'Comes in a storage case.'],
      ['Les pièces d\u2019usure se remplacent facilement.', 'Wear parts are easy to replace.'],
    ],
    closings: [['Garantie 3 ans sur l\u2019outillage.', 'Three-year warranty on tools.'], ...WARRANTY.slice(1)],
  },
  {
    slug: 'high-tech',
    nameFr: 'High-tech',
    nameEn: 'Electronics',
    notes: [
      ['Se connecte en Bluetooth à votre téléphone en quelques secondes.', 'Pairs with your phone over Bluetooth in seconds.'],
      ['Mises à jour logicielles assurées pendant cinq ans.', 'Software updates guaranteed for five years.'],
      ['Câble USB-C fourni, chargeur non inclus.', 'USB-C cable included, charger sold separately.'],
    ],
    closings: WARRANTY,
  },
  {
    slug: 'jouets',
    nameFr: 'Jouets',
    nameEn: 'Toys',
    notes: [
      ['Conforme aux normes européennes de sécurité des jouets.', 'Meets European toy safety standards.'],
      ['Des heures de jeu, seul ou en famille.', 'Hours of play, alone or with the family.'],
      ['Peintures à l\u2019eau et bords arrondis.', 'Water-based paints and rounded edges.'],
    ],
    closings: [
      ['Dès 3 ans.', 'Ages 3 and up.'],
      ['Ne convient pas aux enfants de moins de 36 mois.', 'Not suitable for children under 36 months.'],
      WARRANTY[1],
    ],
  },
  {
    slug: 'beaute',
    nameFr: 'Beauté',
    nameEn: 'Beauty',
    notes: [
      ['Formule à 95 % d\u2019origine naturelle.', 'A formula 95% of natural origin.'],
      ['Testé sous contrôle dermatologique.', 'Dermatologically tested.'],
      ['Sans parabènes ni silicones.', 'Free from parabens and silicones.'],
    ],
    closings: [
      ['Fabriqué en France.', 'Made in France.'],
      ['Flacon recyclable.', 'Recyclable bottle.'],
    ],
  },
  {
    slug: 'epicerie-fine',
    nameFr: 'Épicerie fine',
    nameEn: 'Fine food',
    notes: [
      ['Sélectionné auprès de petits producteurs.', 'Sourced from small producers.'],
      ['Sans conservateurs ni arômes artificiels.', 'No preservatives or artificial flavourings.'],
      ['Une belle idée de cadeau gourmand.', 'A lovely gift for food lovers.'],
    ],
    closings: [
      ['À conserver dans un endroit frais et sec.', 'Store in a cool, dry place.'],
      ['Fabriqué en France.', 'Made in France.'],
    ],
  },
];
