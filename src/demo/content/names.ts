/**
 * French first and last names of several generations and origins, and a few pseudonyms: a
 * community of volunteers is as mixed as the neighbourhoods it serves. Kept as comma-separated
 * text so the lists stay compact.
 */
const words = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

export const FIRST_NAMES = words(`
  Léa, Manon, Inès, Chloé, Sarah, Emma, Louise, Jade, Zoé, Lina, Anaïs, Margaux, Pauline, Mathilde,
  Océane, Salomé, Justine, Clémence, Juliette, Alice, Agathe, Romane, Lou, Maëlle, Gwenaëlle,
  Fatoumata, Aïcha, Aminata, Awa, Mariama, Yasmine, Nadia, Samira, Leïla, Khadija, Soraya, Nour,
  Myriam, Rania, Mei, Linh, Thi, Ngoc, Sofia, Ana, Giulia, Elif, Marta, Olga, Ioana, Aurélie,
  Céline, Élodie, Delphine, Sandrine, Véronique, Nathalie, Isabelle, Sylvie, Hélène, Anne,
  Françoise, Dominique, Brigitte, Martine, Monique, Josiane, Odette, Yvonne, Jacqueline,
  Bernadette, Marie-Claude, Marie-Thérèse, Annick, Christelle, Laetitia, Stéphanie, Virginie,
  Lucas, Hugo, Thomas, Nicolas, Julien, Pierre, Théo, Nathan, Enzo, Noé, Arthur, Adam, Rayan,
  Clément, Baptiste, Romain, Guillaume, Antoine, Maxime, Alexandre, Benoît, Tristan, Yann, Maël,
  Erwan, Loïc, Kevin, Quentin, Mathis, Gabriel, Raphaël, Malik, Karim, Mehdi, Youssef, Rachid,
  Hamid, Farid, Sofiane, Bilal, Ilyes, Mamadou, Moussa, Ousmane, Ibrahim, Seydou, Abdoulaye,
  Emre, Lorenzo, João, Diego, Wei, Bao, Minh, Kenji, Christophe, Stéphane, Pascal, Olivier,
  Vincent, Laurent, Sébastien, Patrick, Philippe, Bruno, Didier, Éric, Franck, Michel, Gérard,
  Alain, Jacques, René, Jean-Marc, Jean-Pierre, Jean-Luc, Thierry, Hervé, Gilles, Joël, Serge
`);

export const LAST_NAMES = words(`
  Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent,
  Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André,
  Mercier, Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc,
  Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin, Mathieu, Clément, Gauthier, Dumont,
  Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez, Nguyen, Tran, Pham, Le Goff, Le Gall,
  Kerbrat, Benali, Haddad, Mansouri, Belkacem, Bouzid, Cherif, Diallo, Traoré, Koné, Diop, Ndiaye,
  Camara, Cissé, Sow, Ferreira, Da Silva, Pereira, Rodrigues, Rossi, Bianchi, Esposito, Yilmaz,
  Kaya, Cohen, Lévy, Benhamou, Zhang, Wang, Chen, Schmitt, Meyer, Weber, Hoarau, Payet,
  Grondin, Lebon, Marchand, Brun, Giraud, Barbier, Arnaud, Renaud, Bouvier, Carpentier, Caron,
  Picard, Colin, Vidal, Aubert, Rey, Leclerc, Lemaire, Gaillard, Brunet, Boyer, Joly, Renard,
  Marie, Charpentier, Lacroix, Fabre, Duval, Jacquet, Poirier, Besnard, Ollivier, Hamon, Kowalski,
  Nowak, Popescu, Ivanova, Okafor, Mendy
`);

export const PSEUDONYMS = words(`
  Petit Colibri, Abeille du 7e, Le Jardinier Solidaire, Mamie Tricot, Kiwi, Zébulon, Lune Rousse,
  Pingouin Voyageur, Chouette Lyonnaise, Tonton Vélo, Marmotte, Bleuet, Grain de Sel,
  Pain d'Épices, Cerf-Volant, Goéland, Écureuil Rhônalpin, Renard Bleu, Hirondelle,
  Petite Fourmi, Le Vieux Phare, Coquelicot, Libellule, Noisette, Tournesol, Papillon Vert
`);

/** Lower-case [a-z0-9_-] without accents, as handles require. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\s]+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 26);
}
