// Each page streams into its shell behind its own boundary, so moving between two pages of the
// same kind (one product to another) shows the skeleton at once.
export { PageSkeleton as default } from '@/components/layout/page-skeleton';
