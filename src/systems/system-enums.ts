export const LIFECYCLES = ['PLANNED', 'IN_OPERATION', 'UPGRADING', 'RETIRED'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  PLANNED: 'Đang đầu tư, xây dựng',
  IN_OPERATION: 'Đang vận hành',
  UPGRADING: 'Đang nâng cấp, mở rộng',
  RETIRED: 'Đã dừng vận hành',
};

export const HOSTINGS = ['OWN_PREMISES', 'PROVINCIAL_DC', 'RENTED_CLOUD'] as const;
export type Hosting = (typeof HOSTINGS)[number];
export const HOSTING_LABELS: Record<Hosting, string> = {
  OWN_PREMISES: 'Tại trụ sở cơ quan',
  PROVINCIAL_DC: 'Trung tâm dữ liệu của tỉnh',
  RENTED_CLOUD: 'Thuê dịch vụ điện toán đám mây',
};

/** Mẫu 08 vocabulary (Decree 331) for the deployment of the approved plan. */
export const DEPLOYMENT_STATUSES = ['NOT_DEPLOYED', 'PARTIAL', 'FULL'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export const DEPLOYMENT_STATUS_LABELS: Record<DeploymentStatus, string> = {
  NOT_DEPLOYED: 'Chưa triển khai',
  PARTIAL: 'Đã triển khai một số hạng mục',
  FULL: 'Đã triển khai đầy đủ',
};

export const INSPECTION_KINDS = ['BEFORE_GO_LIVE', 'PERIODIC', 'AD_HOC'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  BEFORE_GO_LIVE: 'Trước khi đưa vào sử dụng',
  PERIODIC: 'Định kỳ',
  AD_HOC: 'Đột xuất',
};
