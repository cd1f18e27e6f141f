const CATEGORY_LABELS: Record<string, string> = {
  crm: 'CRM', billing: 'Billing', ticketing: 'Ticketing', erp: 'ERP', messaging: 'Messaging', email: 'Email',
  warehouse: 'Data warehouse', marketing: 'Marketing', devtools: 'Developer tools', other: 'Other',
};

export const categoryLabel = (category: string): string => CATEGORY_LABELS[category] ?? category;
