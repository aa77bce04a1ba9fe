using Reconnect.Api.Correspondents;
using Reconnect.Api.Extensions;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddRequestLimits();
builder.AddClock();
builder.AddStorage();
builder.AddIdentity();
builder.AddMailboxSync();

var app = builder.Build();

app.MapApiDefaults();
app.UseAuthentication();
app.UseAuthorization();

var api = app.MapGroup("").RequireAuthorization(IdentityExtensions.ApiUserPolicy);
api.MapSync();
api.MapCorrespondents();

app.Run();
