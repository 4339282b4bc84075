import { SetMetadata } from '@nestjs/common';

export const ENROLMENT_ROUTE = 'liuzhuan:second-factor-enrolment';

/** The route answers a session whose user must enrol a second factor first (enrol, activate); every other route refuses it. */
export const AllowedBeforeEnrolment = () => SetMetadata(ENROLMENT_ROUTE, true);
