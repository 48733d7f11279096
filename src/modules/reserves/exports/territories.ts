/**
 * Where the platforms' warehouses are, as official territory codes (reference/territories.csv:
 * ISO 3166-2:MA region codes MA-01…MA-12 and the prefecture/province codes below them). Every
 * warehouse of a platform is in the platform's city (seed 004), so the platform gives the
 * province. Used to key the HXL exports (#adm1 = region, #adm2 = prefecture or province).
 * `territories.test` checks each code exists under the platform's region.
 */
export const PLATFORM_PROVINCE: Record<string, string> = {
  'PF-01': 'MA-TNG', // Tanger-Assilah
  'PF-02': 'MA-OUJ', // Oujda-Angad
  'PF-03': 'MA-FES', // Fès
  'PF-04': 'MA-KEN', // Kénitra
  'PF-05': 'MA-BEM', // Béni Mellal
  'PF-06': 'MA-BRR', // Berrechid
  'PF-07': 'MA-MAR', // Marrakech
  'PF-08': 'MA-ERR', // Errachidia
  'PF-09': 'MA-AGD', // Agadir Ida-Outanane
  'PF-10': 'MA-GUE', // Guelmim
  'PF-11': 'MA-LAA', // Laâyoune
  'PF-12': 'MA-OUD', // Oued Ed-Dahab
};
